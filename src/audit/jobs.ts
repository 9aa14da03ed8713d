/**
 * Batch audits started from the app: one at a time, cancellable, polled for progress. Each finished file is
 * recorded in the history (when there is one) before it counts as done. Nothing here keeps document text
 * except through the store's own setting.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ElementName } from '../engine/types.js';
import type { AuditSummary } from './summary.js';
import type { RuleOptions } from '../rules/ruleset.js';
import type { Store } from '../store/store.js';
import { auditCheck, auditFiles, listDrafts, toCsv, type AuditRow } from './audit.js';
import { pace } from './pace.js';
import { auditHtml } from './report.js';
import { summarize } from './summary.js';

interface Job {
  id: string;
  folder: string;
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

  constructor(
    private ruleOptions: RuleOptions,
    private store: () => Store | undefined,
    private concurrency?: number,
  ) {}

  start(folder: string): AuditJobView {
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
      auditId = store?.startAudit(dir, files.length);
    } catch (e) {
      historyNote = `The history could not record this audit (${(e as Error).message}).`;
    }
    const job: Job = { id: randomUUID(), folder: dir, files, rows: [], done: 0, finished: false, cancelled: false, controller: new AbortController(), startedAt: performance.now(), ...(historyNote ? { historyNote } : {}), promise: Promise.resolve() };
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

  export(id: string, format: 'csv' | 'html'): { filename: string; mime: string; data: string } {
    const j = this.get(id);
    const rows = this.sorted(j);
    const base = `audit-${path.basename(j.folder) || 'folder'}`;
    if (format === 'csv') return { filename: `${base}.csv`, mime: 'text/csv', data: Buffer.from(toCsv(rows, j.folder), 'utf8').toString('base64') };
    return { filename: `${base}.html`, mime: 'text/html', data: Buffer.from(auditHtml(rows, j.folder), 'utf8').toString('base64') };
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
        file: path.relative(j.folder, r.file) || r.file,
        status: r.status,
        ...(r.error ? { error: r.error } : {}),
        ...(r.status === 'checked' ? { score: r.score!, disbelief: r.disbelief!, victimBlaming: r.victimBlaming!, jargon: r.jargon!, missing: r.missing!, isChild: r.isChild! } : {}),
        ...(r.historyId ? { historyId: r.historyId } : {}),
      })),
      summary: summarize(rows),
      ...(j.historyNote ? { historyNote: j.historyNote } : {}),
    };
  }
}
