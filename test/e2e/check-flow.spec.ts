import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { editorText, ROOT, seriousViolations, useAppHost } from './host.js';

const DEV = path.resolve(ROOT, '../shared/corpus/dev');
const DRAFT = path.join(DEV, 'd10.docx');
const { openApp, shots: SHOTS } = useAppHost();

test.skip(!fs.existsSync(DRAFT), 'needs ../shared/corpus/dev');

test('open, accept, dismiss, edit: the whole check of a DOCX draft', async ({ page }) => {
  await openApp(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, '1-welcome.png'), fullPage: true });

  await page.getByTestId('open-file').setInputFiles(DRAFT);
  const findings = page.getByTestId('finding');
  await expect(findings.first()).toBeVisible();

  // The same rules and count as the CLI on the same file.
  const cli = JSON.parse(spawnSync(process.execPath, [path.join(ROOT, 'src/cli/bin.mjs'), 'check', DRAFT, '--format', 'json'], { encoding: 'utf8' }).stdout);
  const cliRules = cli.findings.map((f: { rule: string }) => f.rule).sort();
  const shownRules = (await findings.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).sort();
  expect(shownRules).toEqual(cliRules);
  await expect(page.getByTestId('missing-element')).toHaveCount(cli.missing.length);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, '2-opened.png'), fullPage: true });

  // "Why" shows how the sentence was read and why this rule applies, as the CLI's explain does.
  const story = page.locator('[data-testid="finding"][data-rule="disbelief/story"]');
  await expect(story).toHaveCount(1);
  await story.locator('summary', { hasText: 'Why' }).click();
  const reading = story.getByTestId('reading');
  await expect(reading).toContainText('How the checker read this sentence');
  await expect(reading).toContainText("Keith's story is that");
  await expect(story.getByTestId('reading-verdict')).toContainText('This rule applies');
  expect(await seriousViolations(page)).toEqual([]);

  // Accept a suggestion: the text changes and that finding goes.
  await story.getByTestId('accept').click();
  await expect(story).toHaveCount(0);
  await expect(page.getByTestId('document-text')).toContainText("Keith's account is that");
  await expect(findings).toHaveCount(cliRules.length - 1);
  await page.screenshot({ path: path.join(SHOTS, '3-accepted.png'), fullPage: true });

  // Dismiss another with a reason.
  const nfa = page.locator('[data-testid="finding"][data-rule="jargon/acronyms"]');
  await nfa.getByTestId('dismiss').click();
  await nfa.getByTestId('dismiss-reason').fill('NFA is explained in the attached police log');
  await nfa.getByTestId('dismiss-confirm').click();
  await expect(nfa).toHaveCount(0);
  await expect(findings).toHaveCount(cliRules.length - 2);
  await page.screenshot({ path: path.join(SHOTS, '4-dismissed.png'), fullPage: true });

  // Edit a sentence to add a date: "when" leaves the checklist.
  await expect(page.locator('[data-testid="missing-element"][data-element="when"]')).toHaveCount(1);
  const text = (await page.getByTestId('document-text').textContent())!;
  await page.getByRole('button', { name: 'Edit text' }).click();
  const editor = page.getByTestId('editor');
  expect(await editorText(page)).toBe(text);
  await editor.fill(text.replace('and has lived in the trailer since.', 'and has lived in the trailer since March 2023.'));
  await expect(page.locator('[data-testid="missing-element"][data-element="when"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Done editing' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, '5-edited.png'), fullPage: true });

  // The check is in the history with its status and decisions (saved a moment after each change).
  await page.getByTestId('draft-status').selectOption('reviewed');
  await expect(async () => {
    await page.getByTestId('view-history').click();
    const row = page.getByTestId('history-table').getByTestId('row').filter({ hasText: 'd10.docx' });
    await expect(row).toHaveCount(1, { timeout: 1000 });
    await expect(row).toContainText('Reviewed', { timeout: 1000 });
    await row.getByRole('button').click();
    await expect(page.getByTestId('check-report')).toContainText('dismissed: NFA is explained in the attached police log', { timeout: 1000 });
    await expect(page.getByTestId('check-report')).not.toContainText('disbelief/story', { timeout: 1000 }); // rules in words, not ids
    await expect(page.getByTestId('check-report')).toContainText('Disbelief: story', { timeout: 1000 });
    await page.getByTestId('view-check').click();
  }).toPass({ timeout: 15_000 });
  // Back in the check, the draft is as it was left.
  await expect(page.getByTestId('document-text')).toContainText('since March 2023');
});

test('every action works from the keyboard', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-file').setInputFiles(DRAFT);
  const findings = page.getByTestId('finding');
  await expect(findings.first()).toBeVisible();
  const before = await findings.count();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await expect(page.locator('#finding-1')).toBeFocused();
  await page.keyboard.press('k');
  await expect(page.locator('#finding-0')).toBeFocused();
  await page.keyboard.press('a');
  await expect(findings).toHaveCount(before - 1);
  await page.keyboard.press('Control+z');
  await expect(findings).toHaveCount(before);
  await page.keyboard.press('d');
  await page.keyboard.type('Checked with the officer');
  await page.keyboard.press('Enter');
  await expect(findings).toHaveCount(before - 1);
  // The Open button is reachable by Tab and opens the file chooser.
  await page.keyboard.press('Shift+Tab');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-file').focus();
  await page.keyboard.press('Enter');
  expect((await chooser).isMultiple()).toBe(false);
});

test('each import error code gets a clear message', async ({ page }) => {
  await openApp(page);
  const tmp = path.join(ROOT, 'test-results', 'bad.doc');
  fs.mkdirSync(path.dirname(tmp), { recursive: true });
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
  await page.getByTestId('open-file').setInputFiles(tmp);
  await expect(page.getByTestId('import-error')).toHaveAttribute('data-code', 'encrypted');
  await expect(page.getByRole('alert')).toContainText('protected by a password');
});

test('exports from the app: cleaned and tracked Word documents, and the report with the decisions', async ({ page }) => {
  const JSZip = (await import('jszip')).default;
  const mammoth = (await import('mammoth')).default;
  await openApp(page);
  await page.getByTestId('open-file').setInputFiles(DRAFT);
  await expect(page.getByTestId('finding').first()).toBeVisible();
  await page.locator('[data-testid="finding"][data-rule="disbelief/story"]').getByTestId('accept').click();
  await expect(page.getByTestId('document-text')).toContainText("Keith's account is that");
  const nfa = page.locator('[data-testid="finding"][data-rule="jargon/acronyms"]');
  await nfa.getByTestId('dismiss').click();
  await nfa.getByTestId('dismiss-reason').fill('Explained in the police log');
  await nfa.getByTestId('dismiss-confirm').click();
  await page.getByRole('button', { name: 'Export…' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  const download = async (testid: string) => {
    const wait = page.waitForEvent('download');
    await page.getByTestId(testid).click();
    const d = await wait;
    const file = path.join(ROOT, 'test-results', d.suggestedFilename());
    await d.saveAs(file);
    return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
  };
  const clean = await download('export-clean');
  expect(clean.name).toBe('d10-cleaned.docx');
  const cleanText = (await mammoth.extractRawText({ buffer: clean.bytes })).value;
  expect(cleanText).toContain("Keith's account is that");
  expect(cleanText).toContain('Still to add before submitting');
  const tracked = await download('export-tracked');
  const xml = await (await JSZip.loadAsync(tracked.bytes)).file('word/document.xml')!.async('string');
  expect(xml).toMatch(/<w:delText[^>]*>story<\/w:delText>/);
  expect(xml).toMatch(/<w:ins [^>]*><w:r><w:t[^>]*>account<\/w:t>/);
  const report = await download('export-report-html');
  const html = report.bytes.toString('utf8');
  expect(html).toContain('Accepted: “account”');
  expect(html).toContain('Dismissed: Explained in the police log');
  expect(html).not.toContain('Keith');
  const pdf = await download('export-report-pdf');
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.screenshot({ path: path.join(SHOTS, '6-export.png'), fullPage: true });
});
