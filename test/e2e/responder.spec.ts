import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seriousViolations, useAppHost } from './host.js';

// The first responder's journey: fix a draft, take decisions back, copy it into the online form.
const { openApp, shots: SHOTS } = useAppHost();

const DRAFT = `NRM referral – county lines (draft)

What happened

Amy, aged 15, was reported as a misper four times in March 2025. She was described as promiscuous by staff. Police believe she is at risk of CSE.

Apparently, she was found in a flat in Leeds with two older men. She claims she was made to carry drugs.

She said a man called Dan gave her a phone and told her to carry bags to Leeds. She was not paid.
`;

async function openDraft(page: Page): Promise<void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-responder-')), 'amy-referral.txt');
  fs.writeFileSync(file, DRAFT);
  await openApp(page);
  await page.getByTestId('open-file').setInputFiles(file);
  await expect(page.getByTestId('finding').first()).toBeVisible();
}

const card = (page: Page, rule: string) => page.locator(`[data-testid="finding"][data-rule="${rule}"]`);

test('the form view warns before copying open findings, and copies the answer with the suggestions applied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openDraft(page);
  await page.getByTestId('as-form').click();
  const view = page.getByTestId('form-view');
  const what = view.locator('[data-testid="form-question"]', { has: page.locator('[data-testid="form-finding"]') }).first();
  await expect(what).toBeVisible();

  // the open findings are marked inside the answer box, and counted beside Copy
  const marks = what.getByTestId('form-finding');
  await expect(marks.filter({ hasText: 'misper' })).toHaveCount(1);
  await expect(marks.filter({ hasText: 'promiscuous' })).toHaveCount(1);
  await expect(marks.filter({ hasText: 'CSE' })).toHaveCount(1);
  const n = await marks.count();
  await expect(what.getByTestId('form-open-count')).toHaveText(`${n} open findings in this answer`);

  // Copy asks first; nothing is on the clipboard yet
  await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  await what.getByTestId('copy').click();
  const warning = what.getByTestId('copy-warning');
  await expect(warning).toContainText(`${n} open findings in this answer.`);
  await expect(warning).toContainText('“misper” → “missing person”');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('nothing yet');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'responder-copy-warning.png'), fullPage: true });

  // ... and copies the answer with the suggestions applied
  await warning.getByTestId('copy-applied').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('was reported as a missing person four times');
  expect(copied).toContain('at risk of child sexual exploitation');
  expect(copied).not.toMatch(/misper|promiscuous|\bCSE\b/);
  await expect(view.locator('p.note')).toContainText('with');
  await expect(view.locator('p.note')).toContainText('suggestions applied');
  // the draft itself is unchanged: the answer box still shows the words as written
  await expect(what.getByTestId('form-answer')).toContainText('a misper');

  // copying as it is remains possible, and says what it holds
  await what.getByTestId('copy').click();
  await what.getByTestId('copy-as-is').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await what.getByTestId('form-answer').innerText());
  await expect(view.locator('p.note')).toContainText(`with ${n} open findings in it`);
});

test('a dismissal is undone from the Resolved list; Apply all asks first and shows what would be deleted', async ({ page }) => {
  await openDraft(page);
  const doc = page.getByTestId('document-text');

  // dismiss with a preset reason, opened with the d key: the key is not typed into the reason box
  const claims = card(page, 'disbelief/claims').first();
  await claims.focus();
  await page.keyboard.press('d');
  await expect(claims.getByTestId('dismiss-reason')).toBeFocused();
  await expect(claims.getByTestId('dismiss-reason')).toHaveValue('');
  await claims.getByTestId('dismiss-preset').filter({ hasText: "The person's own words" }).click();
  await expect(card(page, 'disbelief/claims')).toHaveCount(0);

  // it is listed as resolved, with its reason, and can be undone
  const resolved = page.getByTestId('resolved');
  await expect(resolved.getByRole('heading')).toHaveText('Resolved (1)');
  await resolved.getByTestId('resolved-category').filter({ hasText: 'resolved (1)' }).locator('summary').click();
  const item = resolved.locator('[data-testid="resolved-item"][data-kind="dismissed"]');
  await expect(item).toContainText("dismissed: The person's own words");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'responder-resolved.png'), fullPage: true });
  await item.getByTestId('undo-decision').click();
  await expect(card(page, 'disbelief/claims')).toHaveCount(1);
  await expect(page.getByTestId('resolved')).toHaveCount(0);

  // Apply all asks first: what changes, and the deletion apart, left out unless ticked
  const disbelief = page.locator('section[aria-labelledby="cat-disbelief"]');
  await disbelief.getByTestId('apply-all').click();
  const confirm = disbelief.getByTestId('apply-confirm');
  await expect(confirm.getByTestId('apply-deletions')).toContainText('Apparently');
  await expect(confirm.getByTestId('apply-allow-deletions')).not.toBeChecked();
  await expect(doc).toContainText('Apparently, she was found'); // nothing applied yet
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'responder-apply-all.png'), fullPage: true });
  await confirm.getByTestId('apply-confirm-button').click();
  await expect(doc).not.toContainText('She claims');
  await expect(doc).toContainText('Apparently, she was found'); // the deletion was not ticked
  // the words put in are marked for a moment
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('nrm-accepted'))).toBe(true);
  // the accepted suggestions are listed, and one is undone on its own
  const accepted = page.locator('[data-testid="resolved-item"][data-kind="accepted"]');
  await page.getByTestId('resolved-category').first().locator('summary').click();
  await expect(accepted.first()).toContainText('(accepted)');
  const before = await accepted.count();
  await accepted.filter({ hasText: 'claims' }).getByTestId('undo-decision').click();
  await expect(doc).toContainText('She claims she was made');
  await expect(accepted).toHaveCount(before - 1);
  expect(await seriousViolations(page)).toEqual([]);
});
