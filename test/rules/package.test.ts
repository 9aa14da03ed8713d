import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPlainText, lint, loadRules } from '../../src/index.js';
import { writePackageRules } from '../../src/rules/build-package.js';
import { loadRuleDataCached } from '../../src/rules/cache.js';
import { compileRules } from '../../src/rules/compile.js';
import { readPackageRules } from '../../src/rules/package.js';
import { DEFAULT_RULES_DIR } from '../../src/rules/ruleset.js';
import { sha256 } from '../../src/rules/saved.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-package-rules-'));
const pkg = path.join(root, 'pkg');
const file = path.join(pkg, 'compiled-rules.json');
const RULE = 'disbelief/claims';
const message = (data: { rules: { id: string; rule: { message: string } }[] }) => data.rules.find((r) => r.id === RULE)!.rule.message;

/** A copy of the package file whose RULE message is changed; `digest` also makes the digest match. */
function tampered(to: string, opts: { digest: boolean }): string {
  const env = JSON.parse(fs.readFileSync(file, 'utf8'));
  const payload = JSON.parse(env.payload);
  payload.data.rules.find((r: { id: string }) => r.id === RULE).rule.message = 'Nothing to see here.';
  env.payload = JSON.stringify(payload);
  if (opts.digest) env.digest = sha256(env.payload);
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o755 });
  fs.writeFileSync(to, JSON.stringify(env), { mode: 0o644 });
  return to;
}

beforeAll(() => {
  fs.mkdirSync(pkg, { mode: 0o755 });
  expect(writePackageRules(file)).toBe('written');
}, 60_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the package's compiled rules", () => {
  it('give the rule set the rule files give, naming the files in full', () => {
    const got = readPackageRules(DEFAULT_RULES_DIR, { file });
    if (!('saved' in got)) throw new Error(got.detail);
    const fresh = loadRules();
    const set = compileRules(got.saved.data);
    expect(set.loaded.map((r) => [r.id, r.file])).toEqual(fresh.loaded.map((r) => [r.id, r.file]));
    expect([...set.triggers.keys()].sort()).toEqual([...fresh.triggers.keys()].sort());
    const text = 'Account\n\nThe child claims she was moved to Zorbridge and says she was a money mule.';
    expect(lint(fromPlainText(text), set).findings).toEqual(lint(fromPlainText(text), fresh).findings);
  });

  it('are written once and kept while the rule files are unchanged', () => {
    expect(writePackageRules(file)).toBe('kept');
  });

  it('are not used for rule files that changed since they were built', () => {
    const copy = path.join(root, 'rules-copy');
    fs.cpSync(DEFAULT_RULES_DIR, copy, { recursive: true });
    const claims = path.join(copy, 'disbelief/claims.yml');
    fs.writeFileSync(claims, fs.readFileSync(claims, 'utf8').replace(/^message: .*$/m, "message: 'A changed message.'"));
    expect(readPackageRules(copy, { file })).toEqual({ detail: 'not a cache of these rule files' });
  });

  it('are not used when edited, and not when others may change them even with a matching digest', () => {
    expect(readPackageRules(DEFAULT_RULES_DIR, { file: tampered(path.join(root, 'edited/compiled-rules.json'), { digest: false }) })).toEqual({ detail: 'its contents do not match their digest' });
    if (process.platform === 'win32') return;
    const open = tampered(path.join(root, 'open/compiled-rules.json'), { digest: true });
    expect('saved' in readPackageRules(DEFAULT_RULES_DIR, { file: open })).toBe(true); // sound as it stands...
    fs.chmodSync(open, 0o666);
    expect(readPackageRules(DEFAULT_RULES_DIR, { file: open })).toEqual({ detail: 'other users may change it' });
    fs.chmodSync(open, 0o644);
    fs.chmodSync(path.dirname(open), 0o777);
    expect(readPackageRules(DEFAULT_RULES_DIR, { file: open })).toEqual({ detail: 'its folder cannot be trusted (other users may change it)' });
  });

  it('are not used through a link', () => {
    const link = path.join(root, 'linked/compiled-rules.json');
    fs.mkdirSync(path.dirname(link), { mode: 0o755 });
    fs.symlinkSync(file, link);
    expect(readPackageRules(DEFAULT_RULES_DIR, { file: link })).toEqual({ detail: 'it is a symbolic link' });
  });

  it.skipIf(process.getuid?.() !== 0)("are not used when they belong to neither the user nor the checker's owner (chown, run as root)", () => {
    const theirs = tampered(path.join(root, 'theirs/compiled-rules.json'), { digest: true });
    fs.chownSync(theirs, 4242, 4242);
    expect(readPackageRules(DEFAULT_RULES_DIR, { file: theirs })).toEqual({ detail: 'it belongs to another user (owner id 4242)' });
  });

  it('serve the shipped rules with no cache at all, and a bad one falls back to the files', async () => {
    process.env.NRM_CHECK_CACHE_DIR = path.join(root, 'cache');
    try {
      process.env.NRM_CHECK_PACKAGE_RULES = file;
      const got = await loadRuleDataCached([DEFAULT_RULES_DIR], { shipped: DEFAULT_RULES_DIR });
      expect(got.cache).toEqual({ from: 'package' });
      expect(fs.existsSync(path.join(root, 'cache'))).toBe(false); // nothing computed, nothing cached
      process.env.NRM_CHECK_PACKAGE_RULES = tampered(path.join(root, 'bad/compiled-rules.json'), { digest: false });
      const fallback = await loadRuleDataCached([DEFAULT_RULES_DIR], { shipped: DEFAULT_RULES_DIR });
      expect(fallback.cache).toMatchObject({ from: 'files' });
      expect(message(fallback.data)).toBe(message({ rules: loadRules().loaded }));
    } finally {
      delete process.env.NRM_CHECK_PACKAGE_RULES;
      delete process.env.NRM_CHECK_CACHE_DIR;
    }
  });

  it("leave a user's own rule folder to the user's cache", async () => {
    process.env.NRM_CHECK_CACHE_DIR = path.join(root, 'cache-extra');
    process.env.NRM_CHECK_PACKAGE_RULES = file;
    try {
      const extra = path.join(root, 'extra');
      fs.mkdirSync(path.join(extra, 'jargon'), { recursive: true });
      fs.writeFileSync(path.join(extra, 'sources.yml'), 'team:\n  title: Our team guide\n');
      const got = await loadRuleDataCached([DEFAULT_RULES_DIR, extra], { shipped: DEFAULT_RULES_DIR });
      expect(got.cache).toMatchObject({ from: 'files', why: 'none' });
      got.save();
      expect((await loadRuleDataCached([DEFAULT_RULES_DIR, extra], { shipped: DEFAULT_RULES_DIR })).cache).toEqual({ from: 'cache' });
    } finally {
      delete process.env.NRM_CHECK_PACKAGE_RULES;
      delete process.env.NRM_CHECK_CACHE_DIR;
    }
  });
});
