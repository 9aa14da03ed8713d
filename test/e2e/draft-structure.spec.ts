/**
 * A Word draft looks like itself: its headings as headings and its lists as lists, in the document view and
 * in edit mode, with the findings marked on their words while the user types.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { editorSelect, editorText, ROOT, seriousViolations, useAppHost } from './host.js';

const DRAFT = path.resolve(ROOT, '../shared/corpus/dev/d10.docx');
const { openApp, shots: SHOTS } = useAppHost();

test.skip(!fs.existsSync(DRAFT), 'needs ../shared/corpus/dev');

test("a Word draft's headings and lists, in the view and while editing, with marks that follow the typing", async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  await page.getByTestId('open-file').setInputFiles(DRAFT);
  await expect(page.getByTestId('finding').first()).toBeVisible();

  // The view: Word's headings are headings (below the file name's), its bulleted list one list of five items
  const doc = page.getByTestId('document-text');
  await expect(doc.getByRole('heading', { level: 3 })).toHaveText(['Draft NRM referral – forced labour']);
  await expect(doc.getByRole('heading', { name: 'Indicators observed' })).toBeVisible();
  await expect(doc.getByRole('list')).toHaveCount(1);
  await expect(doc.getByRole('listitem')).toHaveText(['No wages; benefits withdrawn and kept by the family.', 'Living in a trailer at the workplace.', 'Physical assaults by the sons.', 'A debt claimed for food and shelter.', 'Taken everywhere by the family, including to the bank.']);
  // every finding is marked on its words, one of them inside the list's words' paragraph neighbours
  const findings = await page.getByTestId('finding').count();
  await expect(doc.locator('mark.hl')).toHaveCount(findings);
  const text = (await doc.textContent())!;
  await page.screenshot({ path: path.join(SHOTS, 'structure-1-view.png') });

  // Edit mode: the same text, the same headings, list items and marks
  await page.getByRole('button', { name: 'Edit text' }).click();
  const editor = page.getByTestId('editor');
  expect(await editorText(page)).toBe(text);
  // (the editor draws the lines on screen: the cursor is put on the words first, which brings them into view)
  const line = (words: string) => editor.locator('.cm-line', { hasText: words });
  const shown = async (words: string) => {
    await editorSelect(page, (await editorText(page)).indexOf(words));
    return line(words);
  };
  const size = async (words: string) => (await shown(words)).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size('Indicators observed')).toBeGreaterThan(await size('Keith was found by officers'));
  expect(await (await shown('Indicators observed')).evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');
  for (const item of ['No wages; benefits', 'Living in a trailer at the workplace.']) {
    expect(await (await shown(item)).evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"•"');
  }
  expect(await (await shown('Keith was found by officers')).evaluate((el) => getComputedStyle(el, '::before').content)).toBe('none');

  // Typing inside a list item keeps it a list item; a label typed at the end is marked once the check lands,
  // while still editing
  await editorSelect(page, text.indexOf('Physical assaults by the sons.') + 'Physical assaults'.length);
  await page.keyboard.type(' and threats');
  await expect(line('Physical assaults and threats by the sons.')).toHaveClass(/cm-doc-item/);
  await editorSelect(page, (await editorText(page)).length);
  await page.keyboard.type(' He was used as a drug mule.');
  await expect(page.locator('[data-testid="finding"]', { hasText: 'drug mule' })).toHaveCount(1);
  await expect(editor.locator('mark.hl', { hasText: 'drug mule' })).toHaveCount(1);
  await expect(await shown('Physical assaults and threats by the sons.')).toHaveClass(/cm-doc-item/);
  await expect(await shown('Indicators observed')).toHaveClass(/cm-doc-heading/);
  // each finding the check holds is marked in the editor, those near the top too
  for (const words of ['NFA', "Keith's story", 'lifestyle']) {
    await expect((await shown(words)).locator('mark.hl').first()).toBeVisible();
  }
  // A finding made active from its card brings its words into view in the editor; a click on marked words
  // in the editor makes their card the active one
  await page.locator('[data-testid="finding"][data-rule="jargon/acronyms"]').focus();
  await expect(editor.locator('mark.hl-active', { hasText: 'NFA' })).toBeInViewport();
  await (await shown('lifestyle')).locator('mark.hl', { hasText: 'lifestyle' }).click();
  await expect(page.locator('[data-testid="finding"][aria-current="true"]')).toContainText('lifestyle');
  // Typing inside marked words takes their mark away at once, until the check says what they are now; the
  // other marks stay on their words (the check is held back here to see the moment between)
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/lint', async (route) => (await held, route.continue()));
  const inside = (await editorText(page)).indexOf('lifestyle') + 'life'.length;
  await editorSelect(page, inside);
  await page.keyboard.type('x');
  await expect(line('lifexstyle')).toBeVisible();
  await expect(line('lifexstyle').locator('mark.hl', { hasText: 'lifexstyle' })).toHaveCount(0);
  await expect((await shown('NFA')).locator('mark.hl', { hasText: 'NFA' })).toHaveCount(1);
  release();
  await page.unroute('**/api/lint');
  await editorSelect(page, inside + 1);
  await page.keyboard.press('Backspace');
  await expect((await shown('lifestyle')).locator('mark.hl', { hasText: 'lifestyle' })).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'structure-2-editing.png') });

  // Back in the view: the edits are there, in the same structure
  await page.getByRole('button', { name: 'Done editing' }).click();
  await expect(doc.getByRole('listitem').nth(2)).toHaveText('Physical assaults and threats by the sons.');
  await expect(doc.locator('mark.hl', { hasText: 'drug mule' })).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
});
