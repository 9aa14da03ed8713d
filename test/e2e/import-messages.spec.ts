/**
 * Opening files as a first responder meets them (issue 17): a file that fails to open puts the previous draft
 * away instead of leaving it looking current; a protected Word file offers no password box (no password opens
 * it here); a protected PDF offers one; no message names a command-line flag.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, seriousViolations, useAppHost } from './host.js';

const REAL = path.resolve(ROOT, '../shared/corpus/real');
const DRAFT = path.join(ROOT, 'test/fixtures/sample-draft.txt');
const LOCKED_DOCX = path.join(REAL, 'docx/poi-password-is-pass.docx');
const LOCKED_PDF = path.join(REAL, 'pdf/pdfplumber-password-example.pdf');
const { openApp, shots: SHOTS } = useAppHost();

test.skip(!fs.existsSync(LOCKED_PDF), 'needs ../shared/corpus/real');

test('a failed open clears the old draft, and offers a password only where one can help', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-file').setInputFiles(DRAFT);
  await expect(page.getByTestId('finding').first()).toBeVisible();

  await page.getByTestId('open-file').setInputFiles(LOCKED_DOCX);
  const error = page.getByTestId('import-error');
  await expect(error).toHaveAttribute('data-code', 'encrypted');
  await expect(page.getByTestId('finding')).toHaveCount(0);
  await expect(error.getByLabel('Password')).toHaveCount(0);
  await expect(error).not.toContainText('--');
  await page.screenshot({ path: path.join(SHOTS, 'import-locked-word.png'), fullPage: true });

  await page.getByTestId('open-file').setInputFiles(LOCKED_PDF);
  await expect(error.getByLabel('Password')).toBeVisible();
  await expect(error).not.toContainText('--');
  await expect(error).not.toContainText('command line');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'import-locked-pdf.png'), fullPage: true });
});
