import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, seriousViolations, useAppHost } from './host.js';

const DEV = path.resolve(ROOT, '../shared/corpus/dev');
const { openApp, shots: SHOTS } = useAppHost();

test.skip(!fs.existsSync(DEV), 'needs ../shared/corpus/dev');
test.describe.configure({ mode: 'serial' });

test('batch audit of the dev corpus from the app: progress, table and charts', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('view-audit').click();
  await page.getByTestId('audit-folder').fill(DEV);
  await page.getByTestId('audit-start').click();
  // Progress shows while it runs, then the whole folder.
  await expect(page.getByTestId('audit-progress')).toBeVisible();
  await expect(page.getByTestId('audit-progress-text')).toContainText(/Checked (\d+ of 36 files|all 36 files)/);
  await page.screenshot({ path: path.join(SHOTS, 'audit-1-running.png'), fullPage: true });
  await expect(page.getByTestId('audit-progress-text')).toHaveText(/^Checked all 36 files \([\d.]+ drafts\/s\)\.$/, { timeout: 60_000 });
  await expect(page.getByTestId('audit-progress')).toHaveAttribute('value', '36');
  const rows = page.getByTestId('audit-table').getByTestId('row');
  await expect(rows).toHaveCount(36);
  await expect(page.getByTestId('audit-figures')).toContainText('36 checked');
  for (const chart of ['chart-scores', 'chart-categories', 'chart-rules', 'chart-missing']) {
    await expect(page.getByTestId(chart).locator('svg rect:not([data-value="0"])').first()).toBeVisible();
  }
  // Rules by their names in words, not ids such as "disbelief/claims".
  await expect(page.getByTestId('chart-rules')).toContainText('Disbelief: ');
  await expect(page.getByTestId('chart-rules')).not.toContainText('/');
  // The category chart's bars are the table's sums.
  const victim = await page.getByTestId('chart-categories').locator('rect').nth(1).getAttribute('data-value');
  const sum = await rows.evaluateAll((trs) => trs.reduce((n, tr) => n + Number(tr.children[4]!.textContent), 0));
  expect(Number(victim)).toBe(sum);
  // Sort by score, lowest first.
  await page.getByTestId('sort-score').click();
  const scores = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.children[2]!.textContent)));
  expect(scores).toEqual([...scores].sort((a, b) => a - b));
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'audit-2-done.png'), fullPage: true });

  // The CSV from the app is the CLI's format, one row per file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as CSV' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('file,status,score,disbelief,victim_blaming,jargon,missing,is_child');
  expect(csv).toHaveLength(37);
});

test('supervisor view: the audit’s checks in a table that filters, sorts and opens each report', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('view-history').click();
  const rows = page.getByTestId('history-table').getByTestId('row');
  await expect(rows).toHaveCount(36);
  await expect(page.getByTestId('chart-history-rules').locator('rect').first()).toBeVisible();
  await expect(page.getByTestId('chart-history-missing').locator('rect').first()).toBeVisible();
  await expect(page.getByTestId('chart-score-time').locator('circle')).toHaveCount(1);
  await page.screenshot({ path: path.join(SHOTS, 'history-1-all.png'), fullPage: true });

  await page.getByTestId('history-search').fill('d05');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('history-count')).toContainText('3 documents');
  await rows.first().getByRole('button').click();
  const report = page.getByTestId('check-report');
  await expect(report).toContainText('score 65');
  await expect(report).toContainText('Missing: Where.');
  await report.getByTestId('check-status').selectOption('ready');
  await page.getByTestId('history-search').fill('');
  await page.getByTestId('history-status').selectOption('ready');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Ready to submit');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'history-2-filtered.png'), fullPage: true });
});

test('trainer: step through an example to the cleaned draft, with reasons, and present it', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('view-trainer').click();
  const examples = page.getByTestId('trainer-example');
  await expect(examples.first()).toBeVisible();
  expect(await examples.count()).toBeGreaterThanOrEqual(10);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'trainer-1-list.png'), fullPage: true });

  await examples.filter({ hasText: 'hand car wash' }).click();
  await expect(page.getByTestId('step-count')).toContainText('The draft as written · 4 changes');
  await expect(page.getByTestId('trainer-text')).toContainText('Andrei claims he was recruited');
  await page.getByTestId('step-next').click();
  await expect(page.getByTestId('step-count')).toHaveText('Step 1 of 4');
  await expect(page.getByTestId('trainer-text')).toContainText('Andrei states he was recruited');
  await expect(page.getByTestId('trainer-reason')).toContainText('Disbelief');
  await expect(page.getByTestId('trainer-reason')).toContainText('Source:');
  await expect(page.locator('mark.changed')).toHaveText('states');
  // The keyboard steps too.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 4');
  await page.getByTestId('present').click();
  await expect(page.locator('html')).toHaveClass(/presenting/);
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(24);
  await page.screenshot({ path: path.join(SHOTS, 'trainer-2-presenting.png'), fullPage: true });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('Step 4 of 4 · the cleaned draft');
  await expect(page.getByTestId('trainer-reason')).toContainText('Missing element');
  await expect(page.getByTestId('trainer-text')).toContainText('consented to this referral');
  await expect(page.getByTestId('step-next')).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/presenting/);
  await page.screenshot({ path: path.join(SHOTS, 'trainer-3-cleaned.png'), fullPage: true });
});
