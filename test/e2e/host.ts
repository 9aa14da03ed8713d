import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Starts `start-browser` (the built renderer must exist) with its own empty app-data folder (so the history
 * starts empty and the user's own is never touched) and resolves with the URL it prints first.
 */
export function startHost(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-e2e-data-'))): Promise<{ url: string; origin: string; dataDir: string; stop: () => void; crash: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/host/start-browser.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NRM_CHECKER_DATA_DIR: dataDir } });
    let buf = '';
    const timer = setTimeout(() => reject(new Error('the browser host did not start')), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n')[0];
      if (buf.includes('\n') && line) {
        clearTimeout(timer);
        resolve({
          url: line.trim(),
          origin: new URL(line.trim()).origin,
          dataDir,
          stop: () => child.kill('SIGTERM'),
          // As if the machine or the app died: no chance to clean up.
          crash: () => new Promise((done) => (child.exitCode !== null || child.signalCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGKILL')))),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited (${code})`));
    });
  });
}

/** Opens the app; every request that leaves the host is added to `outside` (a run fails if any does). */
export async function openApp(page: Page, host: { url: string; origin: string }, outside: string[]): Promise<void> {
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(host.origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
  });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'NRM Referral Checker' })).toBeVisible();
}

/** axe's serious and critical violations on the page as it is now. */
/**
 * The whole text in the edit mode's editor. The editor draws only the lines on screen and near it, so this
 * asks the editor itself, as CodeMirror's EditorView.findFromDOM does (the view is recorded on its content
 * element; CodeMirror's version is pinned in package.json).
 */
export async function editorText(page: Page): Promise<string> {
  return page.getByTestId('editor').evaluate((el) => {
    const tile = (el as unknown as { cmTile?: { root?: { view?: { state: { doc: { toString(): string } } } } } }).cmTile;
    const view = tile?.root?.view;
    if (!view) throw new Error('the editor is not a CodeMirror editor any more: update editorText in test/e2e/host.ts');
    return view.state.doc.toString();
  });
}

/** Puts the editor's cursor at `from` (selecting up to `to`) and the keyboard focus in it, as a click would. */
export async function editorSelect(page: Page, from: number, to = from): Promise<void> {
  await page.getByTestId('editor').evaluate(
    (el, [a, b]) => {
      const view = (el as unknown as { cmTile?: { root?: { view?: { dispatch(t: unknown): void; focus(): void } } } }).cmTile?.root?.view;
      if (!view) throw new Error('the editor is not a CodeMirror editor any more: update editorSelect in test/e2e/host.ts');
      view.focus();
      view.dispatch({ selection: { anchor: a, head: b }, scrollIntoView: true });
    },
    [from, to] as const,
  );
}

/**
 * axe-core's own source, as @axe-core/playwright bundles it. Run in the page (injected once per page load),
 * axe takes well under a second a view here, where AxeBuilder.analyze() takes three to five: it finishes each
 * run in a fresh blank page. The same rules; the app has no frames to cross.
 */
const AXE_SOURCE: string = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core').source;

/** axe's serious and critical violations on the page as it is now, one line each (none: an empty list). */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

/**
 * One browser host for a spec file: started before its tests, stopped after them, and the run fails if any
 * request left 127.0.0.1 meanwhile. Screenshots go to test-results/screenshots.
 */
export function useAppHost(): { openApp: (page: Page) => Promise<void>; shots: string; host: () => Awaited<ReturnType<typeof startHost>> } {
  let host: Awaited<ReturnType<typeof startHost>> | undefined;
  const outside: string[] = [];
  const shots = path.join(ROOT, 'test-results/screenshots');
  test.beforeAll(async () => {
    host = await startHost();
    fs.mkdirSync(shots, { recursive: true });
  });
  test.afterAll(() => {
    host?.stop();
    expect(outside).toEqual([]);
  });
  return { openApp: (page) => openApp(page, host!, outside), shots, host: () => host! };
}
