import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The shared scorer on the annotated dev corpus, through the real CLI, as DEVELOPERS.md measures accuracy.
const ROOT = path.resolve(import.meta.dirname, '..');
const SCORER = path.join(ROOT, '../shared/eval/score.mjs');
const DEV = path.join(ROOT, '../shared/corpus/dev');
const DEV2 = path.join(ROOT, '../shared/corpus/dev2');
const available = fs.existsSync(SCORER) && fs.existsSync(DEV);

interface Summary {
  f1: number;
  traps_fp: number;
  suggest: number;
  missing_f1: number;
  child: number;
  precision: number;
  recall: number;
}

function score(ext: string, dir = DEV): Summary {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-score-')), 'score.json');
  const cmd = `${process.execPath} ${path.join(ROOT, 'src/cli/bin.mjs')}`;
  const r = spawnSync(process.execPath, [SCORER, '--cmd', cmd, '--dir', dir, '--ext', ext, '--json', out, '--quiet', '--jobs', '2'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const full = JSON.parse(fs.readFileSync(out, 'utf8'));
  expect(full.summary.failed ?? 0).toBe(0);
  return full.summary;
}

/**
 * One corpus: thresholds on .txt (each a minimum, except traps_fp, a maximum), then .docx and .pdf within 0.02
 * of .txt on every figure.
 */
function corpusAccuracy(title: string, dir: string, min: Partial<Record<'f1' | 'suggest' | 'missing_f1' | 'child', number>>, maxTraps: number) {
  describe.skipIf(!available || !fs.existsSync(dir))(title, () => {
    let txt: Summary;
    it('meets the thresholds on .txt', () => {
      txt = score('txt', dir);
      for (const [k, v] of Object.entries(min)) expect(txt[k as keyof Summary], k).toBeGreaterThanOrEqual(v);
      expect(txt.traps_fp).toBeLessThanOrEqual(maxTraps);
    }, 120000);

    it.each(['docx', 'pdf'])('scores from .%s within 0.02 of .txt on every figure', (ext) => {
      txt ??= score('txt', dir);
      const s = score(ext, dir);
      for (const k of ['f1', 'precision', 'recall', 'suggest', 'missing_f1', 'child'] as const) expect(Math.abs(s[k] - txt[k]), k).toBeLessThanOrEqual(0.02);
      expect(s.traps_fp).toBeLessThanOrEqual(maxTraps);
    }, 180000);
  });
}

corpusAccuracy('accuracy on the dev corpus', DEV, { f1: 0.95, suggest: 0.9, missing_f1: 0.9, child: 1 }, 0);
// dev2: drafts in the writers' own words (issue 12's thresholds).
corpusAccuracy('accuracy on the own-words corpus (dev2)', DEV2, { f1: 0.9, missing_f1: 0.9, child: 1 }, 3);
