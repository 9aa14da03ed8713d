/**
 * Runs a parser worker with a time limit and a memory limit; a runaway file is stopped, the app lives on.
 * The memory limit is enforced twice: as the worker's JavaScript heap limit, and by a watchdog on the
 * process's resident memory, because parsers can grow outside the heap (a PDF decompression bomb does).
 */
import { Worker } from 'node:worker_threads';
import { ImportError } from './errors.js';

export interface Limits {
  timeoutMs: number;
  maxMemoryMb: number;
}

export const DEFAULT_LIMITS: Limits = { timeoutMs: 20_000, maxMemoryMb: 512 };

const WATCH_EVERY_MS = 250;

export function runIsolated<T>(script: URL, data: unknown, limits: Limits = DEFAULT_LIMITS): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const baseline = process.memoryUsage.rss();
    const tooLarge = () =>
      new ImportError('too-large', 'Reading the file needed more memory than allowed and was stopped. The file may be damaged or far larger than a referral.');
    const watchdog = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limits.maxMemoryMb * 1048576) finish(() => reject(tooLarge()));
    }, WATCH_EVERY_MS);
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new ImportError('timeout', `Reading the file took longer than ${Math.round(limits.timeoutMs / 1000)} seconds and was stopped. The file may be damaged or unusually complex; try saving it again (for a PDF, "Print to PDF").`))),
      limits.timeoutMs,
    );
    worker.once('message', (m: T) => finish(() => resolve(m)));
    worker.once('error', (e) =>
      finish(() =>
        reject(
          /memory|heap/i.test(String(e.message)) || (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooLarge()
            : new ImportError('malformed', `The file could not be read (${e.message}).`),
        ),
      ),
    );
    worker.once('exit', (code) => finish(() => reject(new ImportError('malformed', `The reader stopped unexpectedly (code ${code}).`))));
  });
}
