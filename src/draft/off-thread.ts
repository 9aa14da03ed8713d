/**
 * Lints off the host's main thread, with a time limit. The browser host and Electron's main process answer
 * every window from one thread; a draft that takes long to check must not make the other windows wait, and
 * one that would run on for minutes is stopped. One worker thread loads the rules once and keeps its
 * per-block cache between edits; drafts queue for it in turn. A lint over its time limit, or one that runs
 * the worker out of memory, is stopped (the worker is replaced for the next draft) and answered with a typed
 * error (`timeout`, `too-large`); a draft with too many findings gives the engine's own `too-large`.
 */
import { Worker } from 'node:worker_threads';
import { TooLarge, type Measure } from '../document/limits.js';
import type { Document } from '../document/model.js';
import type { LintOptions } from '../engine/lint.js';
import type { LintResult } from '../engine/types.js';
import type { RuleOptions } from '../rules/ruleset.js';

export interface LintThreadInit {
  ruleOptions: RuleOptions;
}
export interface LintJob {
  id: number;
  document: Document;
  options: LintOptions;
}
export type LintReply =
  | { ready: true }
  | { id: number; result: LintResult }
  | { id: number; error: { code: string; message: string; measure?: Measure; reached?: number; limit?: number } };

export interface LintThreadLimits {
  /** Time one lint may take once it starts (default 30 s; a 3,000-word draft takes milliseconds). */
  timeoutMs: number;
  /** The worker's heap (default 2 GB). */
  maxMemoryMb: number;
}

export const LINT_THREAD_LIMITS: LintThreadLimits = { timeoutMs: 30_000, maxMemoryMb: 2048 };

/** A lint that was stopped: `timeout`, `too-large` (out of memory) or `internal` (the worker failed). */
export class LintStopped extends Error {
  override name = 'LintStopped';
  constructor(
    readonly code: 'timeout' | 'too-large' | 'internal',
    message: string,
  ) {
    super(message);
  }
}

interface Pending {
  job: LintJob;
  resolve: (r: LintResult) => void;
  reject: (e: Error) => void;
}

export class LintThread {
  private worker: Worker | undefined;
  private ready = false;
  private current: (Pending & { timer: NodeJS.Timeout }) | undefined;
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly ruleOptions: RuleOptions = {},
    private readonly limits: LintThreadLimits = LINT_THREAD_LIMITS,
    private readonly script: URL = new URL('./lint-worker.mjs', import.meta.url),
  ) {}

  /** The lint of `document` with these rules, computed on the worker thread. */
  lint(document: Document, options: LintOptions = {}): Promise<LintResult> {
    if (this.closed) return Promise.reject(new LintStopped('internal', 'The checker is shutting down.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, document, options }, resolve, reject });
      this.pump();
    });
  }

  /** Stops the worker; drafts still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new LintStopped('internal', 'The checker is shutting down.'));
    this.stop(new LintStopped('internal', 'The checker is shutting down.'));
  }

  private pump(): void {
    if (this.current || !this.queue.length || this.closed) return;
    if (!this.worker) return this.spawn();
    if (!this.ready) return;
    const next = this.queue.shift()!;
    const timer = setTimeout(() => {
      const secs = Math.round(this.limits.timeoutMs / 1000);
      this.stop(new LintStopped('timeout', `Checking this draft took longer than ${secs} seconds and was stopped. The text may be far longer than a referral or repeat itself many times; check the referral text on its own.`));
    }, this.limits.timeoutMs);
    this.current = { ...next, timer };
    this.worker.postMessage(next.job);
  }

  private spawn(): void {
    const worker = new Worker(this.script, {
      workerData: { ruleOptions: this.ruleOptions } satisfies LintThreadInit,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
    });
    worker.unref(); // an idle checker never keeps the host running; a pending lint has its timer
    this.worker = worker;
    this.ready = false;
    worker.on('message', (m: LintReply) => {
      if (worker !== this.worker) return;
      if ('ready' in m) {
        this.ready = true;
        return this.pump();
      }
      const cur = this.current;
      if (!cur || cur.job.id !== m.id) return;
      clearTimeout(cur.timer);
      this.current = undefined;
      if ('result' in m) cur.resolve(m.result);
      else cur.reject(m.error.code === 'too-large' && m.error.measure ? new TooLarge(m.error.measure, m.error.reached!, m.error.limit!) : new LintStopped('internal', 'The draft could not be checked because of an unexpected problem in the checker.'));
      this.pump();
    });
    worker.once('error', (e) => {
      if (worker !== this.worker) return;
      const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory|heap/i.test(e.message);
      this.stop(
        oom
          ? new LintStopped('too-large', 'Checking this draft needed more memory than allowed and was stopped. The text may be far longer than a referral; check the referral text on its own.')
          : new LintStopped('internal', 'The draft could not be checked because of an unexpected problem in the checker.'),
      );
    });
    worker.once('exit', () => {
      if (worker !== this.worker) return;
      const why = new LintStopped('internal', 'The checker stopped unexpectedly; try again.');
      // a worker that cannot even start would be started again and again: refuse what waits instead
      if (!this.ready) for (const p of this.queue.splice(0)) p.reject(why);
      this.stop(why);
    });
  }

  /** Ends the worker and the lint it was running (with `why`); the next draft gets a new worker. */
  private stop(why: Error): void {
    const worker = this.worker;
    const cur = this.current;
    this.worker = undefined;
    this.ready = false;
    this.current = undefined;
    if (cur) {
      clearTimeout(cur.timer);
      cur.reject(why);
    }
    if (worker) void worker.terminate();
    this.pump();
  }
}
