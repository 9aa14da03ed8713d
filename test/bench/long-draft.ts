/**
 * The app's responsiveness on a 30,000-word draft, in Chromium through the browser host: the longest task
 * the page runs while the user types at the start of the first paragraph (and the re-check lands), and while
 * a suggestion there is accepted in the document view. Target: no task over 50 ms (the browser reports only
 * tasks over 50 ms, so 0 means there was none). Beside each, the longest wait from a key press or click to the
 * next paint (Event Timing), which shows how near the page comes to it, and the most CPU time any one task
 * of the page's main thread took (from the browser's trace: what test/e2e/long-draft.spec.ts asserts, as
 * another process's load does not change it). Each is the median of
 * three rounds (typed, then taken back; accepted, then undone). Needs the built renderer (`npx vite build`)
 * and Debian's Chromium; returns null (and says why) without them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { editorSelect, openApp, ROOT, startHost } from '../e2e/host.js';
import { longTasks, openLongDraft, opening, recordLongTasks, shownFindings, slowestInput, toFirstParagraph, tracedTasks } from '../e2e/long-draft-run.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

type LongDraftFigures = {
  long_draft_type_max_task_ms: number;
  long_draft_type_max_input_ms: number;
  long_draft_accept_max_task_ms: number;
  long_draft_accept_max_input_ms: number;
  long_draft_type_max_task_cpu_ms: number;
  long_draft_accept_max_task_cpu_ms: number;
};

export async function benchLongDraft(): Promise<LongDraftFigures | null> {
  if (!fs.existsSync(CHROMIUM) || !fs.existsSync(path.join(ROOT, 'dist/renderer/index.html'))) {
    console.error(`long draft: skipped (needs ${CHROMIUM} and the built renderer: npx vite build)`);
    return null;
  }
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const outside: string[] = [];
    await openApp(page, host, outside);
    const before = await openLongDraft(page);
    const typed: number[] = [];
    const accepted: number[] = [];
    const typedInputs: number[] = [];
    const acceptedInputs: number[] = [];
    const typedCpu: number[] = [];
    const acceptedCpu: number[] = [];
    const mostCpu = (tasks: { cpu: number }[]) => Math.max(0, ...tasks.map((t) => t.cpu));
    await page.getByRole('button', { name: 'Edit text' }).click();
    const at = await toFirstParagraph(page);
    for (let round = 0; round < 3; round++) {
      await page.waitForTimeout(1000);
      await recordLongTasks(page);
      const tasks = await tracedTasks(
        browser,
        page,
        async () => {
          await page.keyboard.type('Apparently ', { delay: 60 });
          await shownFindings(page, before + 1);
          await page.waitForTimeout(1000);
        },
        0,
      );
      typedCpu.push(mostCpu(tasks));
      typed.push(Math.max(0, ...(await longTasks(page))));
      typedInputs.push(await slowestInput(page));
      if (round < 2) {
        await editorSelect(page, at, at + 'Apparently '.length);
        await page.keyboard.press('Backspace');
        await shownFindings(page, before);
        await editorSelect(page, at);
      }
    }
    await page.getByRole('button', { name: 'Done editing' }).click();
    for (let round = 0; round < 3; round++) {
      await opening(page, 'Apparently The worker met');
      await shownFindings(page, before + 1);
      await page.waitForTimeout(1000);
      await recordLongTasks(page);
      const tasks = await tracedTasks(
        browser,
        page,
        async () => {
          await page.locator('[data-testid="finding"][data-rule="disbelief/hedges"]').first().getByTestId('accept').click();
          await shownFindings(page, before);
          await opening(page, 'The worker met');
          await page.waitForTimeout(1000);
        },
        0,
      );
      acceptedCpu.push(mostCpu(tasks));
      accepted.push(Math.max(0, ...(await longTasks(page))));
      acceptedInputs.push(await slowestInput(page));
      await page.locator('body').press('Control+z');
    }
    if (outside.length) throw new Error(`the page asked for something outside the host: ${outside.join(', ')}`);
    return {
      long_draft_type_max_task_ms: median(typed),
      long_draft_type_max_input_ms: median(typedInputs),
      long_draft_accept_max_task_ms: median(accepted),
      long_draft_accept_max_input_ms: median(acceptedInputs),
      long_draft_type_max_task_cpu_ms: median(typedCpu),
      long_draft_accept_max_task_cpu_ms: median(acceptedCpu),
    };
  } finally {
    await browser.close();
    host.stop();
  }
}
