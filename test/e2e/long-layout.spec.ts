/**
 * A long draft in the check view: the toolbar and the score stay in view while the draft and the findings
 * each scroll on their own; the cards come in the order of their words in the draft (a category is a filter,
 * not the order); and as `j` moves the selection, its card and its marked words are both in view.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, seriousViolations, useAppHost } from './host.js';

const { openApp, shots: SHOTS } = useAppHost();

/** The sample draft's account told a dozen times, each visit a little differently: findings of every kind throughout. */
function longDraft(): string {
  const sample = fs.readFileSync(path.join(ROOT, 'test/fixtures/sample-draft.txt'), 'utf8');
  const body = sample.slice(sample.indexOf('Account of exploitation'));
  const parts = ['Draft NRM referral: notes from several visits (a test draft, all details invented)'];
  for (let k = 1; k <= 12; k++) parts.push(`Visit ${k}`, body.replace(/£(\d+)/g, (_, n: string) => `£${Number(n) + k}`).trim());
  return parts.join('\n\n') + '\n';
}

/** Whether the element's box lies within the container's visible box (and so within the window's). */
async function within(el: Locator, container: Locator): Promise<boolean> {
  const [a, b] = await Promise.all([el.boundingBox(), container.boundingBox()]);
  return Boolean(a && b && a.y >= b.y - 1 && a.y + a.height <= b.y + b.height + 1);
}

async function inWindow(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  const h = page.viewportSize()!.height;
  return Boolean(box && box.y >= 0 && box.y + box.height <= h);
}

test('on a long draft the toolbar and score stay in view, cards follow the text, and j keeps card and words in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-long-layout-')), 'visits.txt');
  fs.writeFileSync(file, longDraft());
  await openApp(page);
  await page.getByTestId('open-file').setInputFiles(file);
  const cards = page.getByTestId('finding');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThan(40);

  // the cards come in the order of their words in the draft, the categories mixed, not grouped
  const order = await page.evaluate(() => {
    const cardKeys = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="finding"]'), (c) => c.dataset.key!);
    const marked = Array.from(document.querySelectorAll('mark.hl'), (m) => m.id.slice(3)).filter((k) => cardKeys.includes(k));
    const cats = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="finding"]'), (c) => c.dataset.category!);
    const runs = cats.filter((c, i) => i === 0 || c !== cats[i - 1]).length;
    return { cards: cardKeys.filter((k) => marked.includes(k)), marked, runs, kinds: new Set(cats).size };
  });
  expect(order.marked.length).toBeGreaterThan(40);
  expect(order.cards).toEqual(order.marked);
  expect(order.runs).toBeGreaterThan(order.kinds);

  // the page does not scroll as one: the findings and the draft each scroll
  const list = page.getByTestId('findings-scroll');
  const doc = page.locator('section.doc-pane');
  const toolbar = page.getByRole('toolbar', { name: 'Draft' });
  const score = page.getByTestId('score');
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await page.mouse.wheel(0, 3000);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await inWindow(page, toolbar)).toBe(true);
  expect(await inWindow(page, score)).toBe(true);

  // choose a card halfway down the list, then j several times: its card and its words stay in view
  const middle = cards.nth(Math.floor((await cards.count()) / 2));
  await middle.locator('p.msg').click();
  await expect(middle).toHaveClass(/active/);
  for (let n = 0; n < 6; n++) await page.keyboard.press('j');
  const active = page.locator('[data-testid="finding"].active');
  const mark = page.locator('mark.hl-active');
  await expect(active).toHaveCount(1);
  await expect(mark).toHaveCount(1);
  expect(await active.getAttribute('data-key')).toBe((await mark.getAttribute('id'))!.slice(3));
  await expect.poll(() => within(active, list)).toBe(true);
  await expect.poll(() => within(mark, doc)).toBe(true);
  expect(await inWindow(page, toolbar)).toBe(true);
  expect(await inWindow(page, score)).toBe(true);

  // a click on words far down the draft brings their card into view
  const lastMark = page.locator('mark.hl').last();
  await doc.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await lastMark.click();
  const lastKey = (await lastMark.getAttribute('id'))!.slice(3);
  await expect(page.locator(`[data-testid="finding"][data-key="${lastKey}"]`)).toHaveClass(/active/);
  await expect.poll(() => within(page.locator(`[data-testid="finding"][data-key="${lastKey}"]`), list)).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, 'long-layout.png') });

  // a category is a filter: only its cards, still in text order, and j moves among them
  const victim = page.locator('section[aria-labelledby="cat-victim-blaming"]');
  await victim.getByTestId('filter').click();
  await expect(victim.getByTestId('filter')).toHaveAttribute('aria-pressed', 'true');
  expect(new Set(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-category'))))).toEqual(new Set(['victim-blaming']));
  await cards.first().locator('p.msg').click();
  await page.keyboard.press('j');
  await expect(cards.nth(1)).toHaveClass(/active/);
  await expect(victim.getByTestId('apply-all')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'long-layout-filter.png') });
  await victim.getByTestId('filter').click();
  expect(await cards.count()).toBeGreaterThan(40);
});
