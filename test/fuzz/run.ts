/**
 * Runs mutants through a checking child process (test/fuzz/child.ts), one at a time, so that a crash, a hang
 * or runaway memory is caught and pinned on the mutant that caused it. The child's resident memory is read
 * from /proc while it works; over the limit, past the time limit, or dead, the child is replaced and the
 * mutant's bytes are saved for reproduction. Used by `npm run fuzz` and by test/fuzz/fuzz.test.ts.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildMessage, CheckRequest } from './child.js';
import type { Outcome } from './judge.js';
import { FAMILIES, loadSeeds, makeMutant, type Mutant, type Seed } from './mutate.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(import.meta.dirname, 'child.ts');
const START_LIMIT_MS = 180_000;
const SAMPLE_EVERY_MS = 100;

export interface FuzzOptions {
  seed: number;
  count: number;
  /** Only these mutant numbers (for reproducing one); default all of 0..count-1. */
  indexes?: number[];
  /** Time limit per mutant (default 60 s). */
  timeoutMs?: number;
  /** Limit on the child's peak resident memory (default 3072 MB). */
  maxRssMb?: number;
  /** Children checking at once (default 2). */
  jobs?: number;
  /** Where failing mutants are saved (default a new temporary folder, made only when one fails). */
  outDir?: string;
  seeds?: Seed[];
  onResult?: (r: Result, done: number, of: number) => void;
}

export interface Result {
  name: string;
  family: string;
  source: string;
  detail: string;
  outcome: Outcome;
  ms: number;
  /** Peak resident memory of the child while this mutant was checked, when it could be measured. */
  rssMb: number;
  saved?: string;
}

export interface Summary {
  seed: number;
  mutants: number;
  views: number;
  typed: Record<string, number>;
  failCount: number;
  fails: { name: string; family: string; source: string; detail: string; why: string; where?: string; saved?: string }[];
  families: Record<string, number>;
  peakRssMb: number;
  peakRssMutant: string;
  slowestMutant: string;
  slowestMs: number;
  totalS: number;
  limits: { timeoutS: number; maxRssMb: number };
}

/** The default seed corpora: the dev drafts and the real-world documents beside the repository. */
export function defaultSeeds(): Seed[] {
  return loadSeeds([
    { label: 'dev', dir: path.resolve(ROOT, '../shared/corpus/dev') },
    { label: 'real', dir: path.resolve(ROOT, '../shared/corpus/real') },
  ]);
}

/** The kernel's figures for a process, in kB (VmRSS now, VmHWM its peak), or null off Linux. */
function procMemory(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return { rss: Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0), peak: Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) };
  } catch {
    return null;
  }
}

/** Starts the kernel's peak-memory count afresh (Linux), so each mutant's peak is its own. */
function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

class Checker {
  private child: ChildProcess | null = null;
  private stderr = '';

  constructor(private readonly limits: { timeoutMs: number; maxRssKb: number }) {}

  private async start(): Promise<ChildProcess> {
    const child = fork(CHILD, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], serialization: 'advanced', silent: true });
    // the child's own output is never shown (a library could print document text); the tail is kept to tell
    // an out-of-memory death from another
    this.stderr = '';
    child.stdout?.resume();
    child.stderr?.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString('latin1')).slice(-4000)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error('the checking child did not start in time'))), START_LIMIT_MS);
      child.once('message', (m: ChildMessage) => (m.type === 'ready' ? (clearTimeout(timer), resolve()) : undefined));
      child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`the checking child exited while starting (code ${code})`))));
    });
    child.removeAllListeners('exit');
    child.on('exit', () => (this.child === child ? (this.child = null) : undefined));
    this.child = child;
    return child;
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }

  async check(m: Mutant): Promise<{ outcome: Outcome; ms: number; rssKb: number }> {
    const child = this.child ?? (await this.start());
    const pid = child.pid!;
    const exact = resetPeak(pid);
    const t0 = performance.now();
    let peak = 0;
    const { outcome, reported } = await new Promise<{ outcome: Outcome; reported: number }>((resolve) => {
      const done = (o: Outcome, reported = 0, kill = false) => {
        clearInterval(sampler);
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (kill) this.stop();
        resolve({ outcome: o, reported });
      };
      const onMessage = (msg: ChildMessage) => {
        if (msg.type === 'result' && (msg.index === m.index || msg.index === -1)) done(msg.outcome, msg.maxRssKb);
      };
      const onExit = (code: number | null, signal: string | null) => {
        this.child = null;
        const oom = /heap out of memory|Allocation failed|Reached heap limit/i.test(this.stderr);
        done({ kind: 'fail', why: oom ? 'the checking process ran out of memory and died' : `the checking process died (${signal ?? `exit code ${code}`})` });
      };
      const sampler = setInterval(() => {
        const mem = procMemory(pid);
        if (!mem) return;
        peak = Math.max(peak, mem.rss, exact ? mem.peak : 0);
        if (peak > this.limits.maxRssKb) done({ kind: 'fail', why: `resident memory over the limit (${Math.round(peak / 1024)} MB)` }, 0, true);
      }, SAMPLE_EVERY_MS);
      const timer = setTimeout(() => done({ kind: 'fail', why: `no answer within ${Math.round(this.limits.timeoutMs / 1000)} s` }, 0, true), this.limits.timeoutMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      const request: CheckRequest = { type: 'check', index: m.index, name: `${m.name}${m.ext}`, bytes: m.bytes };
      child.send(request, (e) => (e ? done({ kind: 'fail', why: 'the checking process could not be reached' }, 0, true) : undefined));
    });
    const ms = performance.now() - t0;
    const after = this.child ? procMemory(pid) : null;
    // after a failure the child may be dying or damaged: the next mutant gets a fresh one
    if (outcome.kind === 'fail') this.stop();
    // the kernel's exact peak when it could be reset; else the best of the samples and the child's own figure
    const rssKb = Math.max(peak, exact && after ? after.peak : 0, !exact ? reported : 0);
    if (outcome.kind !== 'fail' && rssKb > this.limits.maxRssKb) {
      this.stop();
      return { outcome: { kind: 'fail', why: `resident memory over the limit (${Math.round(rssKb / 1024)} MB)` }, ms, rssKb };
    }
    // a child grown fat on earlier mutants is replaced, so that each is measured from a fair start
    if (after && after.rss > this.limits.maxRssKb / 2) this.stop();
    return { outcome, ms, rssKb };
  }
}

/** The failing mutant's bytes, saved where `nrm-check check` can be run on them. */
function save(m: Mutant, opts: FuzzOptions, state: { dir?: string }): string {
  state.dir ??= opts.outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-fuzz-'));
  fs.mkdirSync(state.dir, { recursive: true });
  const file = path.join(state.dir, `${m.name}${m.ext}`);
  fs.writeFileSync(file, m.bytes);
  return file;
}

export async function runFuzz(opts: FuzzOptions): Promise<Summary> {
  const t0 = performance.now();
  const seeds = opts.seeds ?? defaultSeeds();
  const limits = { timeoutMs: opts.timeoutMs ?? 60_000, maxRssKb: (opts.maxRssMb ?? 3072) * 1024 };
  const indexes = opts.indexes ?? Array.from({ length: opts.count }, (_, k) => k);
  const state: { dir?: string } = {};
  const summary: Summary = {
    seed: opts.seed,
    mutants: 0,
    views: 0,
    typed: {},
    failCount: 0,
    fails: [],
    families: Object.fromEntries(FAMILIES.map((f) => [f.name, 0])),
    peakRssMb: 0,
    peakRssMutant: '',
    slowestMutant: '',
    slowestMs: 0,
    totalS: 0,
    limits: { timeoutS: limits.timeoutMs / 1000, maxRssMb: limits.maxRssKb / 1024 },
  };
  const record = (m: Mutant, checked: { outcome: Outcome; ms: number; rssKb: number }) => {
    let outcome = checked.outcome;
    if (m.expect && outcome.kind !== 'fail' && !(outcome.kind === 'typed' && m.expect.includes(outcome.code))) {
      outcome = { kind: 'fail', why: `expected ${m.expect.join(' or ')}, got ${outcome.kind === 'typed' ? outcome.code : 'a view'}` };
    }
    const result: Result = { name: m.name, family: m.family, source: m.source, detail: m.detail, outcome, ms: Math.round(checked.ms), rssMb: Math.round(checked.rssKb / 1024) };
    summary.mutants++;
    summary.families[m.family] = (summary.families[m.family] ?? 0) + 1;
    if (outcome.kind === 'view') summary.views++;
    else if (outcome.kind === 'typed') summary.typed[outcome.code] = (summary.typed[outcome.code] ?? 0) + 1;
    else {
      result.saved = save(m, opts, state);
      summary.failCount++;
      summary.fails.push({ name: m.name, family: m.family, source: m.source, detail: m.detail, why: outcome.why, ...(outcome.where ? { where: outcome.where } : {}), saved: result.saved });
    }
    if (result.rssMb > summary.peakRssMb) [summary.peakRssMb, summary.peakRssMutant] = [result.rssMb, m.name];
    if (result.ms > summary.slowestMs) [summary.slowestMs, summary.slowestMutant] = [result.ms, m.name];
    opts.onResult?.(result, summary.mutants, indexes.length);
  };
  // each job has its own child and takes the next mutant when it is free
  let next = 0;
  const job = async () => {
    const checker = new Checker(limits);
    try {
      while (next < indexes.length) {
        const m = makeMutant(opts.seed, indexes[next++]!, seeds);
        record(m, await checker.check(m));
      }
    } finally {
      checker.stop();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs ?? 2, indexes.length)) }, job));
  summary.fails.sort((a, b) => a.name.localeCompare(b.name));
  summary.totalS = Math.round((performance.now() - t0) / 100) / 10;
  return summary;
}
