/**
 * `npm run fuzz -- [--count N] [--seed S] [--timeout SECONDS] [--max-rss-mb MB] [--jobs N] [--out DIR] [--only NAME]... [--json]`
 *
 * Damages the project's real documents in seeded ways (test/fuzz/mutate.ts) and checks that the checker
 * answers each with a view or a typed error: no stack trace, no hang, no crash, memory under the limit. Prints
 * one line per failure and a summary (names, families, codes and figures only; never document text); exits 1
 * when any mutant failed. `--only s1-0042-docx-zip-sizes` rebuilds and checks just that mutant.
 */
import { parseArgs } from 'node:util';
import { FAMILIES } from './mutate.js';
import { runFuzz, type Result, type Summary } from './run.js';

function fail(message: string): never {
  process.stderr.write(`fuzz: ${message}\n`);
  process.exit(2);
}

function number(value: string | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) fail(`--${name} takes a whole number from ${min}`);
  return n;
}

function failLine(r: { name: string; source: string; detail: string; why: string; where?: string; saved?: string }): string {
  return `FAIL ${r.name}  from ${r.source} (${r.detail}): ${r.why}${r.where ? ` at ${r.where}` : ''}${r.saved ? `; saved ${r.saved}` : ''}`;
}

function report(s: Summary): string {
  const typed = Object.entries(s.typed).sort((a, b) => b[1] - a[1]);
  const nTyped = typed.reduce((n, [, k]) => n + k, 0);
  const unused = Object.entries(s.families).filter(([, n]) => n === 0).map(([f]) => f);
  return [
    `fuzz: seed ${s.seed}, ${s.mutants} mutants of ${FAMILIES.length - unused.length} families in ${s.totalS} s`,
    `  views ${s.views}; typed errors ${nTyped}${typed.length ? ` (${typed.map(([c, n]) => `${c} ${n}`).join(', ')})` : ''}`,
    `  fails ${s.failCount}`,
    `  peak RSS ${s.peakRssMb} MB (${s.peakRssMutant || 'none'}; limit ${s.limits.maxRssMb} MB)`,
    `  slowest ${s.slowestMutant || 'none'} ${(s.slowestMs / 1000).toFixed(1)} s (limit ${s.limits.timeoutS} s)`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      timeout: { type: 'string' },
      'max-rss-mb': { type: 'string' },
      jobs: { type: 'string' },
      out: { type: 'string' },
      only: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
  });
  let seed = number(values.seed, 1, 'seed', 0);
  const count = number(values.count, 200, 'count', 1);
  let indexes: number[] | undefined;
  if (values.only?.length) {
    const parsed = values.only.map((name) => name.match(/^s(\d+)-(\d+)\b/) ?? fail(`"${name}" is not a mutant name such as s1-0042-docx-zip-sizes`));
    seed = Number(parsed[0]![1]);
    if (parsed.some((m) => Number(m[1]) !== seed)) fail('--only takes mutants of one seed at a time');
    indexes = parsed.map((m) => Number(m[2]));
  }
  const live = process.stderr.isTTY && !values.json;
  const onResult = (r: Result, done: number, of: number) => {
    if (r.outcome.kind === 'fail' && !values.json) {
      if (live) process.stderr.write('\r\x1b[K');
      process.stdout.write(failLine({ ...r, why: r.outcome.why, ...(r.outcome.where ? { where: r.outcome.where } : {}) }) + '\n');
    }
    if (live) process.stderr.write(`\r\x1b[K${done}/${of} ${r.name}`);
  };
  const summary = await runFuzz({
    seed,
    count,
    ...(indexes ? { indexes } : {}),
    timeoutMs: number(values.timeout, 60, 'timeout', 1) * 1000,
    maxRssMb: number(values['max-rss-mb'], 3072, 'max-rss-mb', 64),
    jobs: number(values.jobs, 2, 'jobs', 1),
    ...(values.out ? { outDir: values.out } : {}),
    onResult,
  });
  if (live) process.stderr.write('\r\x1b[K');
  process.stdout.write(values.json ? JSON.stringify(summary, null, 2) + '\n' : report(summary) + '\n');
  process.exitCode = summary.failCount ? 1 : 0;
}

void main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
