import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, ROOT, seriousViolations, startHost, useAppHost } from './host.js';

const DRAFT = path.resolve(ROOT, '../shared/corpus/dev/d10.docx');
const app = useAppHost();

test.skip(!fs.existsSync(DRAFT), 'needs ../shared/corpus/dev');

test('the user’s edits and decisions survive the app being killed, and come back on the next start', async ({ page: first, browser }) => {
  await app.openApp(first);
  await first.getByTestId('open-file').setInputFiles(DRAFT);
  const findings = first.getByTestId('finding');
  await expect(findings.first()).toBeVisible();
  const cli = JSON.parse(spawnSync(process.execPath, [path.join(ROOT, 'src/cli/bin.mjs'), 'check', DRAFT, '--format', 'json'], { encoding: 'utf8' }).stdout);

  // Work on the draft: accept one suggestion, dismiss one finding, type a date.
  await first.locator('[data-testid="finding"][data-rule="disbelief/story"]').getByTestId('accept').click();
  const nfa = first.locator('[data-testid="finding"][data-rule="jargon/acronyms"]');
  await nfa.getByTestId('dismiss').click();
  await nfa.getByTestId('dismiss-reason').fill('NFA is explained in the attached police log');
  await nfa.getByTestId('dismiss-confirm').click();
  const shown = (await first.getByTestId('document-text').textContent())!;
  await first.getByRole('button', { name: 'Edit text' }).click();
  const editor = first.getByTestId('editor');
  await editor.fill(shown.replace('and has lived in the trailer since.', 'and has lived in the trailer since March 2023.'));
  await expect(findings).toHaveCount(cli.findings.length - 2);

  // A moment later the work is on disk; then the app dies without warning.
  const kept = path.join(app.host().dataDir, 'recovery');
  await expect.poll(() => (fs.existsSync(kept) ? fs.readdirSync(kept).filter((f) => f.endsWith('.json')).map((f) => fs.readFileSync(path.join(kept, f), 'utf8')).join('') : ''), { timeout: 10_000 }).toContain('March 2023');
  await app.host().crash();

  // The next start offers it back.
  const again = await startHost(app.host().dataDir);
  const outside: string[] = [];
  // A new window, as after a restart.
  await first.close();
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openApp(page, again, outside);
    const offer = page.getByTestId('kept-work');
    await expect(offer).toHaveCount(1);
    await expect(offer).toContainText('d10.docx');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(app.shots, 'restore-offer.png'), fullPage: true });
    await offer.getByTestId('restore').click();

    // Text, accepted suggestion and dismissal are all back, and the findings follow from them.
    const text = page.getByTestId('document-text');
    await expect(text).toContainText('since March 2023');
    await expect(text).toContainText("Keith's account is that");
    await expect(page.getByTestId('finding')).toHaveCount(cli.findings.length - 2);
    await expect(page.locator('[data-testid="finding"][data-rule="jargon/acronyms"]')).toHaveCount(0);
    await expect(page.locator('[data-testid="missing-element"][data-element="when"]')).toHaveCount(0);
    // Exports still keep the document's structure: the original came back too.
    await page.getByRole('button', { name: 'Export…' }).click();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-clean').click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);

    // Still kept after a reload (the work is not finished); Discard removes it for good.
    await page.reload();
    await expect(page.getByTestId('kept-work')).toHaveCount(1);
    await page.getByTestId('kept-work').getByTestId('discard-kept').click();
    await expect(page.getByTestId('restore-offer')).toHaveCount(0);
    expect(fs.readdirSync(kept).filter((f) => f.endsWith('.json'))).toEqual([]);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'NRM Referral Checker' })).toBeVisible();
    await expect(page.getByTestId('restore-offer')).toHaveCount(0);

    // An edit made just before the window goes away is kept too (saved as the page is hidden).
    await page.getByTestId('open-file').setInputFiles(DRAFT);
    await expect(page.getByTestId('finding').first()).toBeVisible();
    await page.getByRole('button', { name: 'Edit text' }).click();
    await page.getByTestId('editor').press('End');
    await page.getByTestId('editor').pressSequentially(' Added at the last moment.');
    await page.reload();
    await expect(page.getByTestId('kept-work')).toHaveCount(1);
    await page.getByTestId('kept-work').getByTestId('restore').click();
    await expect(page.getByTestId('document-text')).toContainText('Added at the last moment.');
  } finally {
    await context.close();
    again.stop();
  }
  expect(outside).toEqual([]);
});
