import { expect, test, type Frame } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './host.js';

// Names in Vietnamese, Polish, Greek and Russian, each in a sentence with a finding, so the report prints them.
const DRAFT = [
  'Nguyễn Thị Hương claims that she was taken from Đà Nẵng to London in a lorry.',
  'Łukasz Wiśniewski apparently worked in Łódź for a man who kept his passport.',
  'Γιώργος Παπαδόπουλος claims he was recruited in Θεσσαλονίκη by a man he met online.',
  'Дмитрий Соколов claims his documents were taken by a man in Санкт-Петербург.',
].join('\n');

test('the PDF report opens in Chromium’s own PDF viewer, its title shown', async ({ page }) => {
  const dir = path.join(ROOT, 'test-results', 'report-pdf');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'referral.txt'), DRAFT);
  const out = path.join(dir, 'referral-report.pdf');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/bin.mjs'), 'report', path.join(dir, 'referral.txt'), '--out', out, '--show-names'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);

  await page.setViewportSize({ width: 1000, height: 1300 });
  await page.goto(pathToFileURL(out).href);
  // the viewer is Chromium's PDF extension, in a frame of its own; its toolbar shows the document's title
  // (read by PDFium from the file) once the file has loaded
  let viewer: Frame | undefined;
  await expect.poll(() => (viewer = page.frames().find((f) => f.url().startsWith('chrome-extension://'))), { message: 'Chromium opened no PDF viewer' }).toBeDefined();
  await expect(viewer!.locator('#title')).toHaveText('Referral quality report: referral.txt', { timeout: 15_000 });
  await expect(viewer!.locator('#progress')).toBeHidden();
  fs.mkdirSync(path.join(ROOT, 'test-results/screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-results/screenshots/report-pdf.png') });
});
