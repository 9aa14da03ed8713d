import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fromPlainText, lint, loadRules, loadRulesCached } from '../../src/index.js';
import { cacheDir, loadRuleDataCached } from '../../src/rules/cache.js';
import { DEFAULT_RULES_DIR } from '../../src/rules/ruleset.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-cache-'));
const dir = path.join(root, 'cache');
process.env.NRM_CHECK_CACHE_DIR = dir;
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const RULE = 'disbelief/claims';
const realMessage = () => loadRules().loaded.find((l) => l.id === RULE)!.rule.message;
const cachedMessage = async () => (await loadRulesCached()).loaded.find((l) => l.id === RULE)!.rule.message;
const cacheFiles = (d = dir) => fs.readdirSync(d).filter((f) => /^rules-.*\.json$/.test(f));

/** Rewrites the one cache file in `d` with another message for RULE; `digest` also fixes the digest to match. */
function tamper(d: string, opts: { digest: boolean }) {
  const file = path.join(d, cacheFiles(d)[0]!);
  const env = JSON.parse(fs.readFileSync(file, 'utf8'));
  const payload = JSON.parse(env.payload);
  payload.data.rules.find((r: { id: string }) => r.id === RULE).rule.message = 'Nothing to see here.';
  env.payload = JSON.stringify(payload);
  if (opts.digest) env.digest = createHash('sha256').update(env.payload).digest('hex');
  fs.writeFileSync(file, JSON.stringify(env));
}

beforeEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compiled-rules cache', () => {
  it('gives the same rule set as loading from the files, and reuses it', async () => {
    const fresh = loadRules();
    const first = await loadRulesCached();
    expect(cacheFiles()).toHaveLength(1);
    expect((await loadRuleDataCached([DEFAULT_RULES_DIR])).cache).toEqual({ from: 'cache' });
    const second = await loadRulesCached();
    for (const set of [first, second]) {
      expect(set.loaded.map((r) => r.id)).toEqual(fresh.loaded.map((r) => r.id));
      expect([...set.triggers.keys()].sort()).toEqual([...fresh.triggers.keys()].sort());
    }
  });

  it('holds no document text, only rules, after drafts have been checked with it', async () => {
    // a fresh cache, written in the same process that then checks a draft and loads the rules again
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

  it('lives in a folder only the user can open, in files only the user can read', async () => {
    await loadRulesCached();
    if (process.platform === 'win32') return;
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, cacheFiles()[0]!)).mode & 0o777).toBe(0o600);
  });

  it('gives the real message after the cached one was edited, and replaces the edited file', async () => {
    await loadRulesCached();
    tamper(dir, { digest: false });
    expect((await loadRuleDataCached([DEFAULT_RULES_DIR])).cache).toMatchObject({ from: 'files', why: 'changed' });
    expect(await cachedMessage()).toBe(realMessage());
    expect(fs.readFileSync(path.join(dir, cacheFiles()[0]!), 'utf8')).not.toContain('Nothing to see here.');
    expect((await loadRuleDataCached([DEFAULT_RULES_DIR])).cache).toEqual({ from: 'cache' });
  });

  it('does not trust a cache file other users may change, even with a matching digest', async () => {
    if (process.platform === 'win32') return;
    await loadRulesCached();
    tamper(dir, { digest: true });
    fs.chmodSync(path.join(dir, cacheFiles()[0]!), 0o666);
    expect(await cachedMessage()).toBe(realMessage());
  });

  it('closes a cache folder that was open to others and rebuilds what it holds', async () => {
    if (process.platform === 'win32') return;
    await loadRulesCached();
    tamper(dir, { digest: true });
    fs.chmodSync(dir, 0o777);
    expect((await loadRuleDataCached([DEFAULT_RULES_DIR])).cache).toMatchObject({ from: 'files', why: 'folder-tightened' });
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(await cachedMessage()).toBe(realMessage());
  });

  it('never uses or writes a cache folder that is a symbolic link', async () => {
    const elsewhere = fs.mkdtempSync(path.join(root, 'elsewhere-'));
    process.env.NRM_CHECK_CACHE_DIR = elsewhere;
    await loadRulesCached();
    tamper(elsewhere, { digest: true }); // a cache that would pass every check of its contents
    process.env.NRM_CHECK_CACHE_DIR = dir;
    fs.symlinkSync(elsewhere, dir);
    const before = fs.readFileSync(path.join(elsewhere, cacheFiles(elsewhere)[0]!), 'utf8');
    expect((await loadRuleDataCached([DEFAULT_RULES_DIR])).cache).toMatchObject({ from: 'files', why: 'untrusted-folder', detail: 'it is a symbolic link' });
    expect(await cachedMessage()).toBe(realMessage());
    expect(fs.readFileSync(path.join(elsewhere, cacheFiles(elsewhere)[0]!), 'utf8')).toBe(before);
    fs.rmSync(dir);
  });

  it("never uses another user's cache folder", async () => {
    await loadRulesCached();
    tamper(dir, { digest: true });
    // the folder as another account would own it: its owner is not the user asking
    const other = (process.getuid?.() ?? 0) + 4242;
    const r = await loadRuleDataCached([DEFAULT_RULES_DIR], { uid: other });
    if (process.platform !== 'win32') expect(r.cache).toMatchObject({ from: 'files', why: 'untrusted-folder' });
    expect(r.data.rules.find((l) => l.id === RULE)!.rule.message).toBe(realMessage());
  });

  it.skipIf(process.getuid?.() !== 0)('never uses a cache folder handed to another account (chown, run as root)', async () => {
    await loadRulesCached();
    tamper(dir, { digest: true });
    fs.chownSync(dir, 4242, 4242);
    expect((await loadRuleDataCached([DEFAULT_RULES_DIR])).cache).toMatchObject({ from: 'files', why: 'untrusted-folder' });
    expect(await cachedMessage()).toBe(realMessage());
  });

  it("lives in the user's own cache folder, under the product name", () => {
    const env = (more: NodeJS.ProcessEnv) => ({ ...more }) as NodeJS.ProcessEnv;
    expect(cacheDir(env({}), 'linux', '/home/x')).toBe('/home/x/.cache/NRM Referral Checker');
    expect(cacheDir(env({ XDG_CACHE_HOME: '/var/cache/x' }), 'linux', '/home/x')).toBe('/var/cache/x/NRM Referral Checker');
    expect(cacheDir(env({}), 'darwin', '/Users/x')).toBe('/Users/x/Library/Caches/NRM Referral Checker');
    expect(cacheDir(env({ LOCALAPPDATA: 'C:\\Users\\x\\AppData\\Local' }), 'win32', 'C:\\Users\\x')).toMatch(/AppData.Local.NRM Referral Checker/);
    expect(cacheDir(env({ NRM_CHECK_CACHE_DIR: '/tmp/c' }), 'linux', '/home/x')).toBe('/tmp/c');
  });
});
