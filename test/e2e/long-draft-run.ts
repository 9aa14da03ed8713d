/**
 * A 30,000-word draft driven as a user would: typing at the start of its first paragraph in edit mode, then
 * accepting the new finding's suggestion in the document view. Shared by test/e2e/long-draft.spec.ts (which
 * asserts what is drawn again) and the bench (test/bench/long-draft.ts, which times the page's long tasks:
 * speed is measured there, never in a test).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { editorSelect, editorText, ROOT } from './host.js';

export const LONG_DRAFT_FILE = path.join(ROOT, 'test-results', 'long-draft.txt');

/** About 30,000 words: the sample draft's account told again and again, each time a little differently. */
export function longDraft(): string {
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

/**
 * Starts recording, from now, the page's long tasks (their durations in ms; the browser reports only tasks over
 * 50 ms) and the longest time from a key press or click to the next paint of the page (Event Timing: the wait
 * the user sees, reported from 16 ms, rounded to 8 ms).
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; longTaskObserver?: PerformanceObserver; slowestInput: number; inputObserver?: PerformanceObserver };
    w.longTaskObserver?.disconnect();
    w.inputObserver?.disconnect();
    w.longTasks = [];
    w.slowestInput = 0;
    w.longTaskObserver = new PerformanceObserver((list) => w.longTasks.push(...list.getEntries().map((e) => Math.round(e.duration))));
    w.longTaskObserver.observe({ type: 'longtask' });
    w.inputObserver = new PerformanceObserver((list) => (w.slowestInput = Math.max(w.slowestInput, ...list.getEntries().map((e) => e.duration))));
    w.inputObserver.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
}
/**
 * The page's tasks over `over` ms while `action` runs, from the browser's own trace: for each, how long it took
 * (`wall`, as a long task is timed) and how much of that its thread spent working (`cpu`), in ms. Another
 * process on a busy machine stretches a task's wall time, not its CPU time, so `cpu` is the page's own work.
 */
export async function tracedTasks(browser: Browser, page: Page, action: () => Promise<void>, over = 50): Promise<{ wall: number; cpu: number }[]> {
  await browser.startTracing(page, { categories: ['toplevel'] });
  let trace: Buffer;
  try {
    await action();
  } finally {
    trace = await browser.stopTracing();
  }
  type Event = { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } };
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: Event[] } | Event[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const thread = (e: Event) => `${e.pid}:${e.tid}`;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread));
  const tasks = events.filter((e) => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ph === 'X' && mains.has(thread(e)));
  // the page's main thread: the renderer's that worked the most (another renderer may idle beside it)
  const busy = new Map<string, number>();
  for (const t of tasks) busy.set(thread(t), (busy.get(thread(t)) ?? 0) + (t.tdur ?? 0));
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  return tasks.filter((t) => thread(t) === main && (t.dur ?? 0) > over * 1000).map((t) => ({ wall: Math.round((t.dur ?? 0) / 1000), cpu: Math.round((t.tdur ?? 0) / 1000) }));
}
export const longTasks = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
/** The longest wait from an input to the next paint since `recordLongTasks`, in ms (0: none over 16 ms). */
export const slowestInput = (page: Page): Promise<number> => page.evaluate(() => Math.round((window as unknown as { slowestInput: number }).slowestInput));

/**
 * Waits until the list says `n` findings are shown ("All n findings": a list this long draws only the cards
 * near the view). The page is asked once in a while, so that the waiting is no work of the page's own.
 */
export const shownFindings = (page: Page, n: number) => page.waitForFunction((k) => document.querySelector('[data-testid="showing"]')?.getAttribute('data-count') === String(k), n, { polling: 200, timeout: 10_000 });
/** How many findings the list says it shows. */
export const findingCount = (page: Page): Promise<number> => page.getByTestId('showing').getAttribute('data-count').then(Number);

/**
 * Waits until the draft's first paragraphs begin with `words`. (Asserting on the whole draft's text would make
 * Playwright read 30,000 words in the page, a long task of its own.)
 */
export const opening = (page: Page, words: string) => page.waitForFunction((w) => [...document.querySelectorAll('[data-testid="document-text"] > *')].slice(0, 3).some((p) => p.textContent?.trimStart().startsWith(w)), words, { polling: 200, timeout: 10_000 });

/**
 * Tags every finding card and every piece of the document view now in the page; `untagged` later counts
 * those that are new elements (drawn from nothing) rather than the same ones kept, and of the new cards,
 * those `redrawn`: cards that were in the page before as another element. (A list this long draws only the
 * cards near the view, so a card removed above lets one more in at the far end: new, but not drawn again.)
 */
export async function tagDrawn(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { cardsBefore: string[] };
    w.cardsBefore = [...document.querySelectorAll<HTMLElement>('[data-testid="finding"]')].map((el) => el.dataset.key ?? '');
    for (const el of document.querySelectorAll('[data-testid="finding"], [data-testid="document-text"] .piece')) (el as unknown as { drawnBefore: boolean }).drawnBefore = true;
  });
}
export async function untagged(page: Page): Promise<{ cards: number; redrawn: number; pieces: number; drawnCards: number }> {
  return page.evaluate(() => {
    const isNew = (el: Element) => !(el as unknown as { drawnBefore?: boolean }).drawnBefore;
    const before = new Set((window as unknown as { cardsBefore: string[] }).cardsBefore);
    const cards = [...document.querySelectorAll<HTMLElement>('[data-testid="finding"]')];
    const fresh = cards.filter(isNew);
    return {
      cards: fresh.length,
      redrawn: fresh.filter((el) => before.has(el.dataset.key ?? '')).length,
      pieces: [...document.querySelectorAll('[data-testid="document-text"] .piece')].filter(isNew).length,
      drawnCards: cards.length,
    };
  });
}

/** Opens the long draft (written to LONG_DRAFT_FILE) in the app at its check view; the findings shown. */
export async function openLongDraft(page: Page): Promise<number> {
  fs.mkdirSync(path.dirname(LONG_DRAFT_FILE), { recursive: true });
  fs.writeFileSync(LONG_DRAFT_FILE, longDraft());
  await page.getByTestId('open-file').setInputFiles(LONG_DRAFT_FILE);
  await page.locator('p[role="status"]', { hasText: 'long-draft.txt opened' }).first().waitFor({ timeout: 30_000 });
  return findingCount(page);
}

/** In edit mode, puts the cursor at the start of the first paragraph; returns its offset. */
export async function toFirstParagraph(page: Page): Promise<number> {
  const at = (await editorText(page)).indexOf('The worker met');
  await editorSelect(page, at);
  return at;
}
