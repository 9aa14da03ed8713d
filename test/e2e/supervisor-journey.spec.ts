/**
 * The supervisor's journey: settings in their own view (name, team, threshold, text kept, a remembered
 * theme); one draft opened three times is one History row with its versions beneath it; a score in the list
 * follows a check made in another window; a row opens its draft in the check view.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, seriousViolations, useAppHost } from './host.js';

const DRAFT = path.resolve(ROOT, '../shared/corpus/dev/d10.docx');
const { openApp, shots: SHOTS } = useAppHost();

test.skip(!fs.existsSync(DRAFT), 'needs ../shared/corpus/dev');

/** Opens the draft in the check view and waits for its findings. */
async function openDraft(page: Page) {
  await page.getByTestId('view-check').click();
  await page.getByTestId('open-file').setInputFiles(DRAFT);
  await expect(page.getByTestId('finding').first()).toBeVisible();
}

test('one row per document with its versions, scores that follow, a row that opens its draft, and settings of their own', async ({ page, context }) => {
  test.setTimeout(60_000);
  await openApp(page);

  // Settings: their own view; the theme is remembered across a reload
  await page.getByTestId('view-settings').click();
  const settings = page.getByTestId('settings-view');
  await settings.getByTestId('settings-author').fill('Jo Reid');
  await settings.getByTestId('settings-team').fill('North');
  await settings.getByTestId('settings-needs-work').fill('95');
  await settings.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-note')).toHaveText('Settings saved.');
  // A ticked box shows the choice while the store is still answering; a save that fails puts it back and says so
  const storeText = settings.getByTestId('store-text');
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/settingsSet', async (route) => {
    await held;
    await route.continue();
  });
  await storeText.check();
  await expect(storeText).toBeChecked();
  await expect(page.getByTestId('settings-note')).toHaveText('Saving…');
  release();
  await expect(page.getByTestId('settings-note')).toHaveText('Settings saved.');
  await page.unroute('**/api/settingsSet');
  await page.route('**/api/settingsSet', (route) => route.abort());
  await settings.getByTestId('keep-unsaved').click();
  await expect(page.getByTestId('settings-note')).toHaveText(/not responding/);
  await expect(settings.getByTestId('keep-unsaved')).toBeChecked();
  await page.unroute('**/api/settingsSet');
  await expect(storeText).toBeChecked();
  await settings.getByLabel('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'supervisor-1-settings.png'), fullPage: true });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('view-settings').click();
  await expect(page.getByTestId('settings-author')).toHaveValue('Jo Reid');

  // First open: a suggestion accepted (a new revision of the document)
  await openDraft(page);
  const story = page.locator('[data-testid="finding"][data-rule="disbelief/story"]');
  await story.getByTestId('accept').click();
  await expect(page.getByTestId('document-text')).toContainText("Keith's account is that");
  const rows = page.getByTestId('history-table').getByTestId('row');
  await page.getByTestId('view-history').click();
  await expect(rows).toHaveCount(1);

  // Second and third opens of the same file: still one row, now with two versions
  await openDraft(page);
  await page.getByTestId('view-history').click();
  await expect(rows.first()).toContainText('d10.docx (2 versions)');
  await openDraft(page);

  // Another window shows History; a dismissal here changes its row's open findings
  const other = await context.newPage();
  await openApp(other);
  await other.getByTestId('view-history').click();
  const otherRow = other.getByTestId('history-table').getByTestId('row').first();
  await expect(otherRow).toContainText('(2 versions)');
  const before = Number(await otherRow.locator('td').nth(5).textContent());
  const nfa = page.locator('[data-testid="finding"][data-rule="jargon/acronyms"]');
  await nfa.getByTestId('dismiss').click();
  await nfa.getByTestId('dismiss-reason').fill('NFA is explained in the attached police log');
  await nfa.getByTestId('dismiss-confirm').click();
  await expect(otherRow.locator('td').nth(5)).toHaveText(String(before - 1));
  await other.close();

  await page.getByTestId('view-history').click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('history-rows')).toContainText('Listing 1 of 1');
  await expect(rows.first()).toContainText('needs work');
  await expect(page.getByTestId('history-count')).toContainText('1 document');
  await expect(page.getByTestId('chart-history-authors')).toContainText('Needing work, by author');
  // rules in words, not ids
  await expect(page.getByTestId('dismissal-rates')).toContainText('Jargon: acronyms');
  await expect(page.getByTestId('dismissal-rates')).not.toContainText('jargon/acronyms');
  await rows.first().getByRole('button').click();
  const report = page.getByTestId('check-report');
  const versions = report.getByTestId('check-versions').locator('tbody tr');
  await expect(versions).toHaveCount(2);
  await expect(report).toContainText('dismissed: NFA is explained in the attached police log');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'supervisor-2-history-versions.png'), fullPage: true });

  // The older version (the one with the accepted suggestion) opens in the check view
  await versions.nth(1).getByRole('button').click();
  await expect(report.getByTestId('check-versions').locator('tbody tr').nth(1)).toContainText('(shown)');
  await report.getByTestId('open-in-check').click();
  await expect(page.getByTestId('view-check')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('document-text')).toContainText("Keith's account is that");
  await expect(page.getByTestId('finding').first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'supervisor-3-opened-from-history.png'), fullPage: true });
});
