/**
 * Long-lived parser workers: each parser (pdf.js, mammoth) runs in a worker thread that loads it once and
 * then reads one file after another, so a file costs its parsing rather than a new thread and a parser
 * loaded again (about 200 ms a file). Each job still has its own limits:
 *   - time: a job past `timeoutMs` is stopped by terminating its worker;
 *   - memory: the worker's JavaScript heap limit, and a watchdog on the process's resident memory, because
 *     parsers can grow outside the heap (a PDF decompression bomb does).
 * A worker that is stopped, runs out of memory or dies is replaced by a new one for the next job, and every
 * worker is retired after `recycleAfter` jobs, so whatever a parser keeps between files cannot build up.
 * Workers start without the parent's loader flags (tsx): they are plain JavaScript.
 *
 * One pool per thread (`parsers`): the host's, the CLI's, and each audit worker's own.
 */
import { Worker } from 'node:worker_threads';
import { ImportError } from './errors.js';

export interface Limits {
  timeoutMs: number;
  maxMemoryMb: number;
}

export const DEFAULT_LIMITS: Limits = { timeoutMs: 20_000, maxMemoryMb: 512 };

const WATCH_EVERY_MS = 250;
/** Jobs a worker reads before it is replaced by a fresh one. */
export const RECYCLE_AFTER = 200;

interface Slot {
  worker: Worker;
  jobs: number;
  /** The job in progress: its id and how to end it. */
  current?: { id: number; settle: (outcome: { reply: unknown } | { error: ImportError }) => void };
}

export interface RunOptions {
  /** Retire the worker after this job (a job that leaves much behind, such as rendering pages). */
  retireAfter?: boolean;
}

export interface PoolStats {
  /** Workers started since the pool was made. */
  started: number;
  /** Jobs finished (any outcome). */
  jobs: number;
  /** Workers alive now. */
  alive: number;
}

const tooLarge = () => new ImportError('too-large', 'Reading the file needed more memory than allowed and was stopped. The file may be damaged or far larger than a referral.');
const timedOut = (ms: number) =>
  new ImportError('timeout', `Reading the file took longer than ${Math.round(ms / 1000)} seconds and was stopped. The file may be damaged or unusually complex; try saving it again (for a PDF, "Print to PDF").`);

export class ParserPool {
  /** One worker per parser script and heap limit (the limit is fixed when a worker starts). */
  private slots = new Map<string, Slot>();
  /** Jobs for one worker run one after another: the tail of each worker's queue. */
  private queues = new Map<string, Promise<unknown>>();
  private nextId = 1;
  private stats = { started: 0, jobs: 0 };

  constructor(private readonly recycleAfter = RECYCLE_AFTER) {}

  /** Runs one job in the worker for `script`, within `limits`; rejects with a typed ImportError. */
  run<T>(script: URL, data: unknown, limits: Limits = DEFAULT_LIMITS, opts: RunOptions = {}): Promise<T> {
    const key = `${script.href}#${limits.maxMemoryMb}`;
    const prev = this.queues.get(key);
    const start = () => this.exec<T>(key, script, data, limits, opts);
    // an idle worker takes the job at once; otherwise it waits for the jobs before it
    const job = prev ? prev.then(start, start) : start();
    const tail = job.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return job;
  }

  /** What the pool has done (tests and the bench). */
  info(): PoolStats {
    return { ...this.stats, alive: this.slots.size };
  }

  /** Stops every worker; a job in progress ends with a "stopped" error. The pool can be used again. */
  async close(): Promise<void> {
    const slots = [...this.slots.values()];
    this.slots.clear();
    for (const s of slots) s.current?.settle({ error: new ImportError('malformed', 'The reader was stopped before it finished.') });
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private slot(key: string, script: URL, limits: Limits): Slot {
    const have = this.slots.get(key);
    if (have) return have;
    const worker = new Worker(script, {
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
      // plain JavaScript: without the parent's --import tsx, a parser loads several times faster
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    const slot: Slot = { worker, jobs: 0 };
    this.stats.started++;
    const lost = (error: ImportError) => {
      if (this.slots.get(key) === slot) this.slots.delete(key);
      slot.current?.settle({ error });
    };
    worker.on('message', (m: { id: number; reply: unknown }) => {
      if (slot.current?.id === m.id) slot.current.settle({ reply: m.reply });
    });
    worker.on('error', (e) =>
      lost(/memory|heap/i.test(String(e.message)) || (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge() : new ImportError('malformed', `The file could not be read (${e.message}).`)),
    );
    worker.on('exit', (code) => lost(new ImportError('malformed', `The reader stopped unexpectedly (code ${code}).`)));
    // An idle worker must not keep a CLI process alive (a job's timer keeps it alive while it works). After
    // the listeners: adding a 'message' listener refs the worker's port again.
    worker.unref();
    this.slots.set(key, slot);
    return slot;
  }

  private exec<T>(key: string, script: URL, data: unknown, limits: Limits, opts: RunOptions): Promise<T> {
    const slot = this.slot(key, script, limits);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const baseline = process.memoryUsage.rss();
      const retire = () => {
        if (this.slots.get(key) === slot) this.slots.delete(key);
        void slot.worker.terminate();
      };
      const watchdog = setInterval(() => {
        if (process.memoryUsage.rss() - baseline > limits.maxMemoryMb * 1048576) {
          retire();
          slot.current?.settle({ error: tooLarge() });
        }
      }, WATCH_EVERY_MS);
      const timer = setTimeout(() => {
        retire();
        slot.current?.settle({ error: timedOut(limits.timeoutMs) });
      }, limits.timeoutMs);
      slot.current = {
        id,
        settle: (outcome) => {
          if (slot.current?.id !== id) return;
          slot.current = undefined;
          clearTimeout(timer);
          clearInterval(watchdog);
          this.stats.jobs++;
          if (++slot.jobs >= this.recycleAfter || opts.retireAfter) retire();
          if ('error' in outcome) reject(outcome.error);
          else resolve(outcome.reply as T);
        },
      };
      slot.worker.postMessage({ id, data });
    });
  }
}

/** This thread's parser workers. */
export const parsers = new ParserPool();

/** Runs a parser job in this thread's long-lived worker for `script`. */
export function runIsolated<T>(script: URL, data: unknown, limits: Limits = DEFAULT_LIMITS, opts: RunOptions = {}): Promise<T> {
  return parsers.run<T>(script, data, limits, opts);
}
