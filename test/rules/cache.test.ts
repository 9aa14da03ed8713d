import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromPlainText, lint, loadRules, loadRulesCached } from '../../src/index.js';

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

  it('holds no document text, only rules, after drafts have been checked with it', async () => {
    // a fresh cache, written in the same process that then checks a draft and loads the rules again
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
    const rules = await loadRulesCached();
    const r = lint(fromPlainText('Account\n\nMartazyx Quillon claims she is 16 and was kept in a flat in Zorbridge.'), rules);
    expect(r.findings.length).toBeGreaterThan(0);
    await loadRulesCached();
    const files = fs.readdirSync(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const data = fs.readFileSync(path.join(dir, f), 'utf8');
      // the cache does hold the rules' own words, so the check below can see text when there is some
      expect(data).toContain('claims');
      expect(data).not.toMatch(/Martazyx|Quillon|Zorbridge/);
    }
  });
});
