/**
 * Batch audit of a folder: every PDF, DOCX, TXT and MD draft is imported and checked in a pool of worker
 * threads (two by default: both cores); a file that fails to import becomes a row with its error code and
 * never stops the run. Rows hold no document text; the text goes only to the caller's `onRow` (the history
 * keeps it only when the user has turned that on).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { draftOfDocument } from '../draft/draft.js';
import { ELEMENTS, type ElementName, type LintResult } from '../engine/types.js';
import { TooLarge } from '../document/limits.js';
import { ImportError } from '../import/errors.js';
import { importBytes, readDraftBytes, type ImportOptions } from '../import/index.js';
import { DEFAULT_LIMITS } from '../import/isolate.js';
import { LINT_THREAD_LIMITS } from '../draft/off-thread.js';
import { Worker } from 'node:worker_threads';
import type { RuleSet } from '../rules/compile.js';
import type { RuleOptions } from '../rules/ruleset.js';
import type { NewCheck } from '../store/store.js';
import type { SummaryRow } from './summary.js';

export interface AuditRow extends SummaryRow {
  file: string;
  missing?: ElementName[];
  words?: number;
  /** SHA-256 of the file's bytes. */
  hash?: string;
}

/** What a finished file gives besides its row (for the history store); never written to the CSV. */
export interface AuditDetail {
  result?: LintResult;
  text?: string;
}

/** A finished file as a history record (file name relative to the audited folder). */
export function auditCheck(dir: string, row: AuditRow, detail: AuditDetail, auditId?: number): NewCheck {
  return {
    fileName: path.relative(dir, row.file) || row.file,
    contentHash: row.hash ?? '',
    words: row.words ?? 0,
    ...(detail.result ? { result: detail.result } : {}),
    ...(detail.text !== undefined ? { text: detail.text } : {}),
    source: 'audit',
    ...(auditId !== undefined ? { auditId } : {}),
    ...(row.error ? { error: row.error } : {}),
  };
}

const DRAFT = /\.(pdf|docx|txt|md)$/i;

/** Drafts in a folder and its subfolders, sorted; `.gold.json` and other files are not drafts. */
export function listDrafts(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listDrafts(p));
    else if (e.isFile() && DRAFT.test(e.name) && !/^readme\.md$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** Audit workers by default: one per core, so a run keeps every core busy (each waits on its own parser). */
export function defaultConcurrency(): number {
  return Math.max(1, Math.min(16, os.availableParallelism()));
}

export interface AuditOptions {
  /** Audit workers (default: one per core). */
  concurrency?: number;
  /** Import limits for every file (the CLI's --timeout); default: the importer's own. */
  importOptions?: AuditImportOptions;
  /** Time one file may take in a worker, import and lint (default: both their limits and 10 s more). */
  fileTimeoutMs?: number;
  onProgress?: (done: number, total: number, row: AuditRow) => void;
  /** Called as each file finishes, before its progress is reported. */
  onRow?: (row: AuditRow, detail: AuditDetail) => void;
  signal?: AbortSignal;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function hashFile(file: string): string {
  try {
    return sha256(fs.readFileSync(file));
  } catch {
    return '';
  }
}

/** Imports and checks one file; an import error becomes an error row. Runs inside an audit worker. */
export async function checkOne(file: string, rules: RuleSet, importOptions: AuditImportOptions = {}): Promise<{ row: AuditRow; detail: AuditDetail }> {
  let hash: string | undefined;
  try {
    // read once: the same bytes are hashed and imported
    const bytes = readDraftBytes(file, importOptions);
    hash = sha256(bytes);
    const { document } = await importBytes(bytes, importOptions);
    // the same draft, lint and score as the app and the CLI give this file
    const draft = draftOfDocument(path.basename(file), document, { rules, cache: false });
    const r = draft.lint();
    const count = (c: string) => r.findings.filter((f) => f.category === c).length;
    const perRule: Record<string, number> = {};
    for (const f of r.findings) perRule[f.rule] = (perRule[f.rule] ?? 0) + 1;
    return {
      row: {
        file,
        status: 'checked',
        score: draft.score().total,
        disbelief: count('disbelief'),
        victimBlaming: count('victim-blaming'),
        jargon: count('jargon'),
        missing: r.missing.map((m) => m.element),
        isChild: r.subject.isChild,
        rules: perRule,
        words: document.text.split(/\s+/).filter(Boolean).length,
        hash,
      },
      detail: { result: r, text: document.text },
    };
  } catch (e) {
    return { row: { file, status: 'error', error: e instanceof ImportError || e instanceof TooLarge ? e.code : 'malformed', hash: hash ?? hashFile(file) }, detail: {} };
  }
}

/**
 * Checks the files in a pool of worker threads (`concurrency`, default one per core), each loading the rules
 * once and taking the next file when it finishes one; each has its own long-lived parser workers
 * (src/import/isolate.ts), so while one waits on its parser the other core is checking. Rows are reported as files finish; on abort the workers
 * stop at once and files not finished are left out. A worker that dies gives its file an error row and is
 * replaced.
 */
export async function auditFiles(files: string[], ruleOptions: RuleOptions, opts: AuditOptions = {}): Promise<AuditRow[]> {
  const rows: AuditRow[] = new Array(files.length);
  if (!files.length) return [];
  let next = 0;
  let done = 0;
  const size = Math.max(1, Math.min(opts.concurrency ?? defaultConcurrency(), files.length));
  const script = new URL('./audit-worker.mjs', import.meta.url);
  const live = new Set<Worker>();
  await new Promise<void>((resolve) => {
    let running = 0;
    const finishIfIdle = () => {
      if (running === 0) resolve();
    };
    const spawn = () => {
      const worker = new Worker(script, { workerData: { ruleOptions, importOptions: opts.importOptions ?? {} } satisfies WorkerInit });
      live.add(worker);
      running++;
      let current = -1;
      // A file the worker is still on after the import's and the lint's time limits is stopped: its row
      // says `timeout`, and a new worker takes the next file.
      let watchdog: NodeJS.Timeout | undefined;
      let timedOut = false;
      const feed = () => {
        clearTimeout(watchdog);
        if (opts.signal?.aborted || next >= files.length) {
          current = -1;
          live.delete(worker);
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, file: files[current]! } satisfies WorkerJob);
        watchdog = setTimeout(() => {
          timedOut = true;
          void worker.terminate();
        }, opts.fileTimeoutMs ?? fileTimeLimit(opts.importOptions));
      };
      const record = (index: number, row: AuditRow, detail: AuditDetail) => {
        rows[index] = row;
        opts.onRow?.(row, detail);
        opts.onProgress?.(++done, files.length, row);
      };
      worker.on('message', (m: WorkerReply) => {
        if (m.type === 'ready') return feed();
        if (!opts.signal?.aborted) record(m.index, m.row, m.detail);
        feed();
      });
      worker.once('error', () => {
        // The worker itself failed (not the file's import, which is caught inside): give the file a row, go on.
        if (current >= 0 && !opts.signal?.aborted) record(current, { file: files[current]!, status: 'error', error: 'malformed', hash: hashFile(files[current]!) }, {});
        current = -1;
      });
      worker.once('exit', () => {
        clearTimeout(watchdog);
        live.delete(worker);
        running--;
        if (current >= 0 && !opts.signal?.aborted) {
          record(current, { file: files[current]!, status: 'error', error: timedOut ? 'timeout' : 'malformed', hash: hashFile(files[current]!) }, {});
          current = -1;
        }
        if (!opts.signal?.aborted && next < files.length) spawn();
        finishIfIdle();
      });
    };
    opts.signal?.addEventListener('abort', () => {
      for (const w of live) void w.terminate();
    });
    for (let k = 0; k < size; k++) spawn();
  });
  return rows.filter(Boolean);
}

/** How long one file may take in an audit worker: its import's time limit and the lint's, and a margin. */
function fileTimeLimit(importOptions: AuditImportOptions = {}): number {
  return (importOptions.timeoutMs ?? DEFAULT_LIMITS.timeoutMs) + LINT_THREAD_LIMITS.timeoutMs + 10_000;
}

/** The import limits an audit passes to its workers (data only: they cross a thread). */
export type AuditImportOptions = Pick<ImportOptions, 'timeoutMs' | 'maxBytes' | 'maxPages'>;

export interface WorkerInit {
  ruleOptions: RuleOptions;
  importOptions: AuditImportOptions;
}
export interface WorkerJob {
  index: number;
  file: string;
}
export type WorkerReply = { type: 'ready' } | { type: 'done'; index: number; row: AuditRow; detail: AuditDetail };

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (a file named "=HYPERLINK(...)" or "+cmd|...":
 * it starts with = + - @, a tab or a carriage return) gets a leading apostrophe, so it is shown, not run.
 */
function cell(v: string | number | boolean | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** How much of a folder a stopped audit covered: `done` files of `total`. */
export interface Coverage {
  done: number;
  total: number;
}

/** The words that mark every output of an audit that did not cover its whole folder. */
export const partialLabel = (p: Coverage) => `partial: ${p.done} of ${p.total} files`;

/**
 * The audit as CSV, one line per file. A partial audit's CSV starts with a line saying so ("partial: 3 of 36
 * files ..."), so it is never mistaken for the whole folder once it is shared.
 */
export function toCsv(rows: AuditRow[], base: string, opts: { partial?: Coverage } = {}): string {
  const head = ['file', 'status', 'score', 'disbelief', 'victim_blaming', 'jargon', 'missing', 'is_child'];
  const note = opts.partial ? [cell(`${partialLabel(opts.partial)}: the audit was stopped before it finished; the other files were not checked`)] : [];
  const lines = rows.map((r) =>
    [path.relative(base, r.file) || r.file, r.status === 'error' ? `error:${r.error}` : 'checked', r.score, r.disbelief, r.victimBlaming, r.jargon, r.missing ? r.missing.filter((m) => (ELEMENTS as readonly string[]).includes(m)).join(' ') : '', r.isChild]
      .map(cell)
      .join(','),
  );
  return [...note, head.join(','), ...lines].join('\n') + '\n';
}
