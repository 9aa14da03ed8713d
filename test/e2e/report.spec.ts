import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, useAppHost } from './host.js';

const SAMPLE = path.join(ROOT, 'test/fixtures/sample-draft.txt');
const { openApp } = useAppHost();

test('the quality report opens in Chromium with no request for any external resource', async ({ page }) => {
  const out = path.join(ROOT, 'test-results', 'report.html');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const r = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/bin.mjs'), 'report', path.join(ROOT, 'test/fixtures/sample-draft.txt'), '--out', out], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const url = pathToFileURL(out).href;
  const requests: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Referral quality report' })).toBeVisible();
  const cli = JSON.parse(spawnSync(process.execPath, [path.join(ROOT, 'src/cli/bin.mjs'), 'check', path.join(ROOT, 'test/fixtures/sample-draft.txt'), '--format', 'json'], { encoding: 'utf8' }).stdout);
  await expect(page.locator('ol.findings > li')).toHaveCount(cli.findings.length);
  // each finding in its sentence, the flagged words marked, the person's name masked (the CLI's default)
  await expect(page.locator('ol.findings mark')).toHaveText(cli.findings.map((f: { excerpt: string }) => f.excerpt));
  await expect(page.locator('ol.findings').getByText('She claims that a man in Constanța offered her farm work')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Marta');
  expect(requests).toEqual([url]);
  fs.mkdirSync(path.join(ROOT, 'test-results/screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-results/screenshots/report.png'), fullPage: true });
});

test("the app's report shows each finding in its sentence and masks names unless the user asks to show them", async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-file').setInputFiles(SAMPLE);
  await page.locator('[data-testid="finding"][data-rule="disbelief/claims"]').getByTestId('accept').click();
  await expect(page.getByTestId('document-text')).toContainText('She states that a man');
  await page.getByRole('button', { name: 'Export…' }).click();
  const report = async () => {
    const wait = page.waitForEvent('download');
    await page.getByTestId('export-report-html').click();
    return fs.readFileSync(await (await wait).path(), 'utf8');
  };
  const names = page.getByLabel("Show people's names in the report");
  await expect(names).not.toBeChecked();
  const masked = await report();
  // the accepted finding: the sentence as it was written, the words marked, the rewrite beside it
  expect(masked).toContain('She <mark>claims</mark> that a man in Constanța offered her farm work');
  expect(masked).toContain('Accepted: “states”');
  expect(masked).toContain('M. <mark>chose</mark> to stay because');
  expect(masked).not.toContain('Marta');
  await names.check();
  expect(await report()).toContain('Marta <mark>chose</mark> to stay because');
});
