/**
 * The NGO auditor's journey: audit a folder, reload mid-run and take the audit up again, cancel it and save it
 * marked partial; audit a folder chosen in the browser (sent through the API) and open a row's draft.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, seriousViolations, useAppHost } from './host.js';

const DEV = path.resolve(ROOT, '../shared/corpus/dev');
const { openApp, shots: SHOTS } = useAppHost();

test.skip(!fs.existsSync(DEV), 'needs ../shared/corpus/dev');
test.describe.configure({ mode: 'serial' });

/** A folder big enough to cancel: the dev corpus's drafts `copies` times over, in subfolders. */
function bigFolder(copies: number): { dir: string; total: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-e2e-audit-'));
  const drafts = fs.readdirSync(DEV).filter((f) => /\.(txt|docx|pdf)$/.test(f));
  for (let c = 1; c <= copies; c++) {
    fs.mkdirSync(path.join(dir, `copy${c}`));
    for (const f of drafts) fs.copyFileSync(path.join(DEV, f), path.join(dir, `copy${c}`, f));
  }
  return { dir, total: drafts.length * copies };
}

test('a reload mid-audit takes the audit up again; cancelled, it is saved marked partial', async ({ page }) => {
  const { dir, total } = bigFolder(4);
  await openApp(page);
  await page.getByTestId('view-audit').click();
  await page.getByTestId('audit-folder').fill(dir);
  await page.getByTestId('audit-start').click();
  const progress = page.getByTestId('audit-progress-text');
  await expect(progress).toContainText(new RegExp(`Checked [1-9]\\d* of ${total} files`));
  // nothing is saved while the audit runs
  await expect(page.getByTestId('audit-save-csv')).toBeDisabled();
  await expect(page.getByTestId('audit-save-html')).toBeDisabled();

  // The window reloads: the running audit's progress and cancel come back.
  await page.reload();
  await page.getByTestId('view-audit').click();
  await expect(progress).toContainText(new RegExp(`Checked \\d+ of ${total} files`));
  await expect(page.getByTestId('audit-cancel')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'auditor-1-reattached.png'), fullPage: true });
  await page.getByTestId('audit-cancel').click();
  await expect(progress).toHaveText(new RegExp(`^Cancelled after \\d+ of ${total} files\\.$`));
  const done = Number((await progress.textContent())!.match(/after (\d+) of/)![1]);
  expect(done).toBeLessThan(total);
  await expect(page.getByTestId('audit-partial')).toContainText(`Partial audit: ${done} of ${total} files.`);
  await expect(page.getByTestId('audit-save-csv')).toHaveText(`Save as CSV (partial: ${done} of ${total})`);

  // Every output says it is partial: the CSV's name and first line, the report's title.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-save-csv').click()]);
  expect(csv.suggestedFilename()).toBe(`audit-${path.basename(dir)}-partial-${done}-of-${total}.csv`);
  const lines = fs.readFileSync((await csv.path())!, 'utf8').trim().split('\n');
  expect(lines[0]).toMatch(new RegExp(`^partial: ${done} of ${total} files`));
  expect(lines).toHaveLength(done + 2);
  const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-save-html').click()]);
  expect(fs.readFileSync((await html.path())!, 'utf8')).toContain(`(partial: ${done} of ${total} files)</title>`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'auditor-2-partial.png'), fullPage: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a folder chosen in the browser is audited, and a row opens its draft in the check view', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-e2e-chosen-'));
  const chosen = path.join(dir, 'referrals');
  fs.mkdirSync(path.join(chosen, 'older'), { recursive: true });
  for (const f of ['d05.txt', 'd10.docx']) fs.copyFileSync(path.join(DEV, f), path.join(chosen, f));
  fs.copyFileSync(path.join(DEV, 'd01.pdf'), path.join(chosen, 'older', 'd01.pdf'));
  fs.writeFileSync(path.join(chosen, 'notes.csv'), 'not a draft');

  await openApp(page);
  await page.getByTestId('view-audit').click();
  await page.getByTestId('audit-folder-input').setInputFiles(chosen);
  await expect(page.getByTestId('audit-chosen')).toContainText('Chosen: referrals, 3 drafts.');
  await page.getByTestId('audit-start').click();
  await expect(page.getByTestId('audit-progress-text')).toHaveText(/^Checked all 3 files/, { timeout: 30_000 });
  const rows = page.getByTestId('audit-table').getByTestId('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText('older/d01.pdf');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'auditor-3-chosen-folder.png'), fullPage: true });

  // A row opens its draft in the check view, with the same score as its row.
  const row = rows.filter({ hasText: 'd05.txt' });
  const score = (await row.locator('td').nth(2).textContent())!.trim();
  await row.getByRole('button', { name: 'd05.txt' }).click();
  await expect(page.getByRole('heading', { name: 'd05.txt', exact: true })).toBeVisible();
  await expect(page.getByTestId('view-check')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('score')).toContainText(score);
  await page.screenshot({ path: path.join(SHOTS, 'auditor-4-row-opened.png'), fullPage: true });
  fs.rmSync(dir, { recursive: true, force: true });
});
