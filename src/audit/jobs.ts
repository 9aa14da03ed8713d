/**
 * Batch audits started from the app: one at a time, cancellable, polled for progress, found again by a window
 * that reloads mid-run. Each finished file is recorded in the history (when there is one) before it counts as
 * done. An audit is saved only once it has stopped, and one stopped early says so in every output ("partial:
 * 3 of 36 files"). A folder chosen in the browser arrives file by file and is staged in a private temporary
 * folder, removed when its audit stops. Nothing here keeps document text except through the store's own setting.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElementName } from '../engine/types.js';
import type { AuditSummary } from './summary.js';
import type { RuleOptions } from '../rules/ruleset.js';
import type { Store } from '../store/store.js';
import { auditCheck, auditFiles, listDrafts, toCsv, type AuditRow, type Coverage } from './audit.js';
import { pace } from './pace.js';
import { auditHtml } from './report.js';
import { summarize } from './summary.js';

interface Job {
  id: string;
  /** The folder as the user knows it (a chosen folder's name when it was staged). */
  folder: string;
  /** Where the files are read from. */
  dir: string;
  /** A staged copy, removed when the audit stops. */
  staged: boolean;
  files: string[];
  rows: (AuditRow & { historyId?: number })[];
  done: number;
  finished: boolean;
  cancelled: boolean;
  controller: AbortController;
  startedAt: number;
  /** When the last draft finished (the rate is over the run, not the time since). */
  endedAt?: number;
  historyNote?: string;
  promise: Promise<void>;
}


/** An audit job as the app sees it: progress, a row per draft, and the summary so far. */
export interface AuditJobView {
  jobId: string;
  folder: string;
  total: number;
  done: number;
  finished: boolean;
  cancelled: boolean;
  /** Drafts checked per second so far (0 until the first finishes). */
  perSecond: number;
  /** Seconds left at that rate, while running and once there is a rate. */
  secondsLeft?: number;
  rows: { file: string; status: 'checked' | 'error'; error?: string; score?: number; disbelief?: number; victimBlaming?: number; jargon?: number; missing?: ElementName[]; isChild?: boolean; historyId?: number }[];
  summary: AuditSummary;
  /** Why the history did not record the audit, if it did not. */
  historyNote?: string;
  /** Set when the audit stopped before covering the folder: every saved output says so. */
  partial?: Coverage;
}

/** A draft's path inside a chosen folder, as the browser gives it ("referrals/2024/a.docx"): safe parts only. */
const DRAFT = /\.(pdf|docx|txt|md)$/i;
function safeRelative(rel: string): string[] | null {
  const parts = rel.split('/');
  if (!DRAFT.test(rel) || parts.length > 32) return null;
  return parts.every((p) => p && p !== '.' && p !== '..' && !/[\\\0:]/.test(p)) ? parts : null;
}

export class AuditError extends Error {
  constructor(
    readonly code: 'NotFound' | 'Busy' | 'BadInput',
    message: string,
  ) {
    super(message);
  }
}

export class AuditJobs {
  private jobs = new Map<string, Job>();
  /** Folders chosen in the browser, being sent file by file: id → private temporary folder. */
  private stages = new Map<string, string>();

  constructor(
    private ruleOptions: RuleOptions,
    private store: () => Store | undefined,
    private concurrency?: number,
  ) {}

  /**
   * Keeps one file of a folder chosen in the browser (its path inside the folder and its bytes) for an audit
   * started with `startStaged`; the first file makes a new stage and forgets any stage never started.
   */
  stage(stageId: string | undefined, rel: string, bytes: Uint8Array): { stageId: string } {
    const parts = safeRelative(rel);
    if (!parts) throw new AuditError('BadInput', `${rel} is not a Word, PDF or text draft, so it is not part of the audit.`);
    let dir = stageId ? this.stages.get(stageId) : undefined;
    if (stageId && !dir) throw new AuditError('NotFound', 'The chosen folder is no longer being received. Choose it again.');
    if (!dir) {
      for (const old of this.stages.values()) fs.rmSync(old, { recursive: true, force: true });
      this.stages.clear();
      stageId = randomUUID();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-audit-'));
      fs.chmodSync(dir, 0o700);
      this.stages.set(stageId, dir);
    }
    const file = path.join(dir, ...parts);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, bytes, { mode: 0o600 });
    return { stageId: stageId! };
  }

  /** Starts the audit of a staged folder, shown under the name the user chose it by. */
  startStaged(stageId: string, name: string): AuditJobView {
    const dir = this.stages.get(stageId);
    if (!dir) throw new AuditError('NotFound', 'The chosen folder is no longer being received. Choose it again.');
    const view = this.start(dir, { label: name });
    this.stages.delete(stageId);
    this.jobs.get(view.jobId)!.staged = true;
    return view;
  }

  /** The audit still running, if any: a window that reloaded mid-run takes up its progress and cancel. */
  current(): AuditJobView | null {
    const running = [...this.jobs.values()].find((j) => !j.finished);
    return running ? this.view(running) : null;
  }

  start(folder: string, opts: { label?: string } = {}): AuditJobView {
    const dir = path.resolve(folder);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new AuditError('NotFound', `There is no folder at ${folder}. Check the path.`);
    if ([...this.jobs.values()].some((j) => !j.finished)) throw new AuditError('Busy', 'An audit is already running. Wait for it to finish or cancel it first.');
    let files: string[];
    try {
      files = listDrafts(dir);
    } catch (e) {
      throw new AuditError('BadInput', `The folder could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    // Keep the last few finished jobs for export; forget older ones.
    for (const [id, j] of [...this.jobs.entries()].slice(0, -4)) if (j.finished) this.jobs.delete(id);
    const store = this.store();
    let auditId: number | undefined;
    let historyNote: string | undefined = store ? undefined : 'The history is not available, so this audit is not recorded in it.';
    try {
      auditId = store?.startAudit(opts.label ?? dir, files.length);
    } catch (e) {
      historyNote = `The history could not record this audit (${(e as Error).message}).`;
    }
    const job: Job = { id: randomUUID(), folder: opts.label ?? dir, dir, staged: false, files, rows: [], done: 0, finished: false, cancelled: false, controller: new AbortController(), startedAt: performance.now(), ...(historyNote ? { historyNote } : {}), promise: Promise.resolve() };
    job.promise = auditFiles(files, this.ruleOptions, {
      ...(this.concurrency ? { concurrency: this.concurrency } : {}),
      signal: job.controller.signal,
      onRow: (row, detail) => {
        let historyId: number | undefined;
        if (store && auditId !== undefined) {
          try {
            historyId = store.addCheck(auditCheck(dir, row, detail, auditId));
          } catch (e) {
            job.historyNote = `Some files were not recorded in the history (${(e as Error).message}).`;
          }
        }
        job.rows.push({ ...row, ...(historyId ? { historyId } : {}) });
      },
      onProgress: (done) => {
        job.done = done;
        job.endedAt = performance.now();
      },
    })
      .then(() => undefined)
      .catch(() => {
        job.historyNote = 'The audit stopped because of an unexpected problem.';
      })
      .finally(() => {
        job.finished = true;
        job.cancelled = job.controller.signal.aborted;
        if (job.staged) fs.rmSync(job.dir, { recursive: true, force: true });
        try {
          if (store && auditId !== undefined) store.finishAudit(auditId, { cancelled: job.cancelled });
        } catch {
          // the history may have been closed meanwhile
        }
      });
    this.jobs.set(job.id, job);
    return this.view(job);
  }

  private get(id: string): Job {
    const j = this.jobs.get(id);
    if (!j) throw new AuditError('NotFound', 'That audit is no longer available. Start it again.');
    return j;
  }

  status(id: string): AuditJobView {
    return this.view(this.get(id));
  }

  cancel(id: string): AuditJobView {
    const j = this.get(id);
    j.controller.abort();
    return this.view(j);
  }

  /** Resolves when a job has stopped (tests, shutdown). */
  async settle(id: string): Promise<AuditJobView> {
    const j = this.get(id);
    await j.promise;
    return this.view(j);
  }

  /**
   * The audit as a file to save, once it has stopped (a running audit is not saved as if whole). An audit
   * stopped early is marked partial in its name and its contents.
   */
  export(id: string, format: 'csv' | 'html'): { filename: string; mime: string; data: string } {
    const j = this.get(id);
    if (!j.finished) throw new AuditError('Busy', 'The audit is still running. Save it when it has finished, or cancel it to save the files checked so far (marked as partial).');
    const rows = this.sorted(j);
    const partial = this.coverage(j);
    const base = `audit-${path.basename(j.folder) || 'folder'}${partial ? `-partial-${partial.done}-of-${partial.total}` : ''}`;
    const opts = partial ? { partial } : {};
    if (format === 'csv') return { filename: `${base}.csv`, mime: 'text/csv', data: Buffer.from(toCsv(rows, j.dir, opts), 'utf8').toString('base64') };
    return { filename: `${base}.html`, mime: 'text/html', data: Buffer.from(auditHtml(rows, j.dir, { title: `Audit of ${path.basename(j.folder) || j.folder}`, ...opts }), 'utf8').toString('base64') };
  }

  /** One audited file's bytes, to open it in the check view (only a file of this audit, while it is there). */
  file(id: string, rel: string): { filename: string; mime: string; data: string } {
    const j = this.get(id);
    const file = j.files.find((f) => path.relative(j.dir, f) === rel);
    if (!file) throw new AuditError('NotFound', `${rel} is not part of this audit.`);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new AuditError('NotFound', `${rel} could not be read: it may have been moved or deleted since the audit. Open it from the Check a draft view instead.`);
    }
    return { filename: path.basename(file), mime: 'application/octet-stream', data: bytes.toString('base64') };
  }

  /** How much of the folder a stopped audit covered, when it is not all of it. */
  private coverage(j: Job): Coverage | undefined {
    return j.finished && (j.cancelled || j.rows.length < j.files.length) ? { done: j.rows.length, total: j.files.length } : undefined;
  }

  private sorted(j: Job) {
    const order = new Map(j.files.map((f, i) => [f, i]));
    return [...j.rows].sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  }

  private view(j: Job): AuditJobView {
    const rows = this.sorted(j);
    const p = pace(j.done, j.files.length, (j.finished ? (j.endedAt ?? performance.now()) : performance.now()) - j.startedAt);
    return {
      jobId: j.id,
      folder: j.folder,
      total: j.files.length,
      done: j.done,
      finished: j.finished,
      cancelled: j.cancelled,
      perSecond: p.perSecond,
      ...(!j.finished && p.secondsLeft !== undefined ? { secondsLeft: p.secondsLeft } : {}),
      rows: rows.map((r) => ({
        file: path.relative(j.dir, r.file) || r.file,
        status: r.status,
        ...(r.error ? { error: r.error } : {}),
        ...(r.status === 'checked' ? { score: r.score!, disbelief: r.disbelief!, victimBlaming: r.victimBlaming!, jargon: r.jargon!, missing: r.missing!, isChild: r.isChild! } : {}),
        ...(r.historyId ? { historyId: r.historyId } : {}),
      })),
      summary: summarize(rows),
      ...(j.historyNote ? { historyNote: j.historyNote } : {}),
      ...(this.coverage(j) ? { partial: this.coverage(j)! } : {}),
    };
  }
}
