import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The shared scorer on the annotated dev corpus, through the real CLI, as DEVELOPERS.md measures accuracy.
const ROOT = path.resolve(import.meta.dirname, '..');
const SCORER = path.join(ROOT, '../shared/eval/score.mjs');
const DEV = path.join(ROOT, '../shared/corpus/dev');
const available = fs.existsSync(SCORER) && fs.existsSync(DEV);

describe.skipIf(!available)('accuracy on the dev corpus (.txt)', () => {
  it('meets the issue thresholds with no trap hit', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-score-')), 'score.json');
    const cmd = `${process.execPath} ${path.join(ROOT, 'src/cli/bin.mjs')}`;
    const r = spawnSync(process.execPath, [SCORER, '--cmd', cmd, '--dir', DEV, '--json', out, '--quiet', '--jobs', '2'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(fs.readFileSync(out, 'utf8')).summary;
    expect(s.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.traps_fp).toBe(0);
    expect(s.suggest).toBeGreaterThanOrEqual(0.9);
    expect(s.missing_f1).toBeGreaterThanOrEqual(0.9);
    expect(s.child).toBe(1);
  }, 120000);
});
