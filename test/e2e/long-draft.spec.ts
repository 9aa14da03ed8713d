/**
 * A long draft stays responsive: in a 30,000-word draft with findings throughout, typing in the first
 * paragraph and the re-checks that follow leave the page with no long task over 50 ms (each finding card and
 * each paragraph of the document keeps its identity, so only what the edit changed is drawn again). The same
 * holds for accepting a suggestion near the start in the document view.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { editorSelect, editorText, ROOT, useAppHost } from './host.js';

const { openApp } = useAppHost();
const FILE = path.join(ROOT, 'test-results', 'long-draft.txt');

/** About 30,000 words: the sample draft's account told again and again, each time a little differently. */
function longDraft(): string {
  const sample = fs.readFileSync(path.join(ROOT, 'test/fixtures/sample-draft.txt'), 'utf8');
  const body = sample.slice(sample.indexOf('Account of exploitation'));
  const parts = ['Draft NRM referral: notes from several visits (a test draft, all details invented)', 'The worker met Marta at the packing house and wrote down what she said in her own words.'];
  for (let k = 1; parts.join(' ').split(/\s+/).length < 30_000; k++) {
    parts.push(`Visit ${k}`);
    // each visit's paragraphs differ (a day, a sum), as a real draft's do
    parts.push(body.replace(/£(\d+)/g, (_, n: string) => `£${Number(n) + k}`).replace(/(\d+)am to (\d+)pm/, `${k % 6}am to ${k % 12}pm`).trim());
  }
  return parts.join('\n\n') + '\n';
}

/** Starts recording the page's long tasks (their durations in ms) from now. */
async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => w.longTasks.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({ type: 'longtask' });
  });
}
/**
 * Waits until `n` findings are shown. (Playwright's own count assertion marks every element it counts, a long
 * task of its own with 700 findings; this asks the page once in a while.)
 */
const shown = (page: Page, n: number) => page.waitForFunction((k) => document.querySelectorAll('[data-testid="finding"]').length === k, n, { polling: 200, timeout: 10_000 });
/**
 * Waits until the draft's first paragraphs begin with `words`. (Asserting on the whole draft's text would make
 * Playwright read 30,000 words in the page, a long task of its own.)
 */
const opening = (page: Page, words: string) => page.waitForFunction((w) => [...document.querySelectorAll('[data-testid="document-text"] > *')].slice(0, 3).some((p) => p.textContent?.trimStart().startsWith(w)), words, { polling: 200, timeout: 10_000 });
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

test('editing the first paragraph of a 30,000-word draft records no long task over 50 ms', async ({ page }) => {
  test.setTimeout(60_000);
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  fs.writeFileSync(FILE, longDraft());
  await openApp(page);
  await page.getByTestId('open-file').setInputFiles(FILE);
  await expect(page.locator('p[role="status"]').first()).toContainText('long-draft.txt opened', { timeout: 30_000 });
  const findings = page.getByTestId('finding');
  const before = await findings.count();
  expect(before).toBeGreaterThan(300);

  // Edit mode, and type at the start of the first paragraph, as a user does.
  await page.getByRole('button', { name: 'Edit text' }).click();
  const at = (await editorText(page)).indexOf('The worker met');
  await editorSelect(page, at);
  // This machine is shared and noisy: a stall from another process can push one task past 50 ms. The edit (and
  // the accept below) is measured up to three times (done, then taken back); a page that remounts the cards or
  // lays out the whole draft per change (125-200 ms tasks) fails every time.
  const seen: number[][] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) {
      // take the words out again and wait for the check to settle
      await editorSelect(page, at, at + 'Apparently '.length);
      await page.keyboard.press('Backspace');
      await shown(page, before);
      await page.waitForTimeout(1000);
      await editorSelect(page, at);
    }
    await recordLongTasks(page);
    await page.keyboard.type('Apparently ', { delay: 60 });
    // The re-check has landed: the new finding is shown and no other went or came.
    await shown(page, before + 1);
    await expect(page.locator('[data-testid="finding"][data-rule="disbelief/hedges"]').first()).toContainText('Apparently');
    await page.waitForTimeout(1000); // (the unsaved work and the history are saved a moment after the edit)
    seen.push(await longTasks(page));
    if (!seen.at(-1)!.length) break;
  }
  expect(seen.at(-1), `long tasks in each attempt: ${JSON.stringify(seen)}`).toEqual([]);

  // In the document view, accepting the new finding's suggestion re-checks the draft the same way.
  await page.getByRole('button', { name: 'Done editing' }).click();
  await expect(page.getByTestId('document-text')).toContainText('Apparently The worker met');
  const first = page.locator('[data-testid="finding"][data-rule="disbelief/hedges"]').first();
  const accepts: number[][] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) {
      // undo the accept (as many times as the measure needs) and wait for the check to settle
      await page.locator('body').press('Control+z');
      await expect(page.getByTestId('document-text')).toContainText('Apparently The worker met');
      await shown(page, before + 1);
      await page.waitForTimeout(1000);
    }
    await recordLongTasks(page);
    await first.getByTestId('accept').click();
    await shown(page, before);
    await opening(page, 'The worker met');
    await page.waitForTimeout(1000);
    accepts.push(await longTasks(page));
    if (!accepts.at(-1)!.length) break;
  }
  expect(accepts.at(-1), `long tasks in each attempt: ${JSON.stringify(accepts)}`).toEqual([]);
});
