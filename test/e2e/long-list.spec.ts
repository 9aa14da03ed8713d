/**
 * A draft with 700 findings: the list draws only the cards near the view, and a user cannot tell. Scrolling
 * to the end shows the last finding; a click on words far down the draft, and j from the keyboard, bring
 * their card into view with the focus on it; a half-written reason to dismiss a card survives scrolling far
 * away and back; a category filter counts and moves through its own cards; screen readers hear each card's
 * place in the whole list.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations, useAppHost } from './host.js';
import { findingCount, openLongDraft, shownFindings } from './long-draft-run.js';

const { openApp } = useAppHost();

/** Whether the element's box lies within the container's visible box. */
async function within(el: Locator, container: Locator): Promise<boolean> {
  const [a, b] = await Promise.all([el.boundingBox(), container.boundingBox()]);
  return Boolean(a && b && a.y >= b.y - 1 && a.y + a.height <= b.y + b.height + 1);
}

async function inWindow(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  return Boolean(box && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height);
}

/** The cards in the page now: each one's key and its place in the list as said to screen readers. */
const drawn = (page: Page) => page.getByTestId('finding').evaluateAll((els) => els.map((e) => ({ key: e.getAttribute('data-key')!, at: Number(e.getAttribute('aria-posinset')), of: Number(e.getAttribute('aria-setsize')) })));

test('a list of 700 findings draws the cards near the view, and scrolling, clicks, keys and filters reach every one', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const total = await openLongDraft(page);
  expect(total).toBeGreaterThan(300);
  await expect(page.getByTestId('showing')).toContainText(`All ${total} findings`);
  const list = page.getByTestId('findings-scroll');
  const doc = page.locator('section.doc-pane');

  // only the cards near the view are in the page, numbered in the whole list
  let cards = await drawn(page);
  expect(cards.length).toBeGreaterThan(3);
  expect(cards.length).toBeLessThan(60);
  expect(cards[0]).toMatchObject({ at: 1, of: total });

  // scrolled to its end, the list shows its last finding
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(async () => (await drawn(page)).at(-1)?.at).toBe(total);
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight)); // (the cards drawn have taken their real size)
  await expect.poll(() => within(page.locator(`[data-testid="finding"][aria-posinset="${total}"]`), list)).toBe(true);

  // back at the top, a click on words far down the draft brings their card into view
  await list.evaluate((el) => (el.scrollTop = 0));
  const far = page.locator('mark.hl').nth(Math.floor(total * 0.7));
  const farKey = (await far.getAttribute('id'))!.slice(3);
  await far.scrollIntoViewIfNeeded();
  await far.click();
  const farCard = page.locator(`[data-testid="finding"][data-key="${farKey}"]`);
  await expect(farCard).toHaveClass(/active/);
  await expect.poll(() => within(farCard, list)).toBe(true);
  const farAt = Number(await farCard.getAttribute('aria-posinset'));
  expect(farAt).toBeGreaterThan(total / 2);

  // j moves on through cards not drawn a moment ago; the focus goes with it, the card and its words in view
  for (let n = 0; n < 25; n++) await page.keyboard.press('j');
  const active = page.locator('[data-testid="finding"].active');
  await expect(active).toHaveAttribute('aria-posinset', String(farAt + 25));
  await expect(active).toBeFocused();
  await expect.poll(() => within(active, list)).toBe(true);
  await expect.poll(() => within(page.locator('mark.hl-active'), doc)).toBe(true);

  // a reason half written in the active card survives scrolling far away and back
  const activeKey = await active.getAttribute('data-key');
  await active.getByTestId('dismiss').click();
  await page.getByTestId('dismiss-reason').fill('The person used this word for');
  await list.evaluate((el) => (el.scrollTop = 0));
  await expect.poll(async () => (await drawn(page))[0]?.at).toBe(1);
  await page.locator(`[data-testid="finding"][data-key="${activeKey}"]`).scrollIntoViewIfNeeded();
  await expect(page.getByTestId('dismiss-reason')).toHaveValue('The person used this word for');
  await page.getByTestId('dismiss-reason').fill('The person used this word for herself');
  await page.getByTestId('dismiss-confirm').click();
  await shownFindings(page, total - 1);

  // a category filter: its count, its cards alone, and j among them
  const victim = page.locator('section[aria-labelledby="cat-victim-blaming"]');
  const victimCount = Number((await victim.locator('h3').innerText()).match(/\((\d+)\)/)![1]);
  await victim.getByTestId('filter').click();
  await expect(page.getByTestId('showing')).toHaveAttribute('data-count', String(victimCount));
  expect(victimCount).toBeGreaterThan(120); // (still a list long enough to draw only the cards near the view)
  await list.evaluate((el) => (el.scrollTop = 0));
  await expect.poll(async () => (await drawn(page))[0]?.at).toBe(1);
  cards = await drawn(page);
  expect(cards.every((c) => c.of === victimCount)).toBe(true);
  expect(new Set(await page.getByTestId('finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-category'))))).toEqual(new Set(['victim-blaming']));
  await page.getByTestId('finding').first().locator('p.msg').click();
  await page.keyboard.press('j');
  await expect(page.locator('[data-testid="finding"].active')).toHaveAttribute('aria-posinset', '2');
  expect(await seriousViolations(page)).toEqual([]);
  await victim.getByTestId('filter').click();
  expect(await findingCount(page)).toBe(total - 1);

  // in a narrow window the panes stack and the page scrolls: the list follows the page's scroll
  await page.setViewportSize({ width: 700, height: 800 });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(async () => (await drawn(page)).some((c) => c.at === total - 1)).toBe(true);
  expect((await drawn(page)).length).toBeLessThan(60);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight)); // (the cards drawn have taken their real size)
  await expect.poll(() => inWindow(page, page.locator(`[data-testid="finding"][aria-posinset="${total - 1}"]`))).toBe(true);
});
