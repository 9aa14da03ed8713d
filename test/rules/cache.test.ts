import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRules, loadRulesCached } from '../../src/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-cache-'));
process.env.NRM_CHECK_CACHE_DIR = dir;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compiled-rules cache', () => {
  it('gives the same rule set as loading from the files, and reuses it', async () => {
    const fresh = loadRules();
    const first = await loadRulesCached();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const second = await loadRulesCached();
    for (const set of [first, second]) {
      expect(set.loaded.map((r) => r.id)).toEqual(fresh.loaded.map((r) => r.id));
      expect([...set.triggers.keys()].sort()).toEqual([...fresh.triggers.keys()].sort());
    }
  });

  it('holds no document text, only rules', async () => {
    await loadRulesCached();
    for (const f of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, f), 'utf8')).not.toMatch(/sample-draft|Marta/);
  });
});
