/**
 * cold_check_ms: a whole `nrm-check check FILE --format json` process, started as a user's shell starts an
 * installed nrm-check: the package's bin run directly by node (not through npx, which adds its own ~0.9 s).
 * Median of 5. The build is brought up to date first, so the runs measure starts, not a rebuild.
 *
 * `npx tsx test/bench/cold.ts [FILE]` prints the figure for FILE (default: a 3,000-word draft made as
 * lint.bench.ts makes its form3000 draft).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** One whole check process on `file`, in milliseconds; throws if the check did not answer (exit 0 or 1). */
function once(file: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'check', file, '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`nrm-check check failed (exit ${r.status}): ${r.stderr.split('\n')[0]}`);
  return ms;
}

/** Median of 5 whole `nrm-check check FILE --format json` processes, after one untimed run (which builds if needed). */
export function coldCheckMs(file: string): number {
  once(file);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(once(file));
  return Math.round(median(times));
}

/** A ~3,000-word draft from the project's fixtures, with names and numbers varied as lint.bench.ts does. */
export function form3000(): string {
  const dirs = [path.join(ROOT, 'test/fixtures'), path.join(ROOT, '../shared/corpus/dev')];
  const sources = dirs.flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(d, f), 'utf8')) : []));
  const names = ['Ana', 'Tomas', 'Leila', 'Dawit', 'Mira', 'Jonas', 'Sara', 'Ilir', 'Nadia', 'Omar', 'Eva', 'Kofi'];
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  let out = '';
  for (let i = 0; words(out) < 3000; i++) {
    const src = sources[i % sources.length]!;
    const para = src.replace(/\b\d{1,4}\b/g, (n) => String((Number(n) + i) % 9999)).replace(/\b(Reuben|Pim|Farid|Andris|Poppy|Kumari|Khanh|Lukas|Skye|Keith|Samuel|Juliana|Marta)\b/g, names[i % names.length]! + (i % 97));
    for (const p of para.split(/\n\n/)) {
      if (words(out) >= 3000) break;
      out += p + '\n\n';
    }
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  let file = process.argv[2];
  const tmp = file ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-cold-'));
  if (tmp) fs.writeFileSync((file = path.join(tmp, 'form3000.txt')), form3000());
  try {
    process.stdout.write(JSON.stringify({ cold_check_ms: coldCheckMs(file!) }) + '\n');
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
