// nrm-check runs built JavaScript: never tsx when it can be built, never a build older than its sources, and
// never the NLP library's inflections at start for the shipped rules, even with the user's cache cleared.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');
const DRAFT = path.join(ROOT, 'test/fixtures/sample-draft.txt');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-bin-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Preloads that make a start fail if it loads tsx (an ESM resolve hook) or the NLP library (CommonJS require).
const NO_TSX = path.join(tmp, 'no-tsx.mjs');
fs.writeFileSync(
  NO_TSX,
  `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent("export async function resolve(s, c, next) { if (s === 'tsx' || s.startsWith('tsx/')) throw new Error('tsx was loaded'); return next(s, c); }"));\n`,
);
const NO_NLP = path.join(tmp, 'no-nlp.cjs');
fs.writeFileSync(
  NO_NLP,
  `const Module = require('node:module');\nconst load = Module._load;\nModule._load = function (request, ...rest) {\n  if (request === 'compromise' || request.startsWith('compromise/')) throw new Error('the NLP library was loaded');\n  return load.call(this, request, ...rest);\n};\n`,
);

function run(bin: string, args: string[], opts: { node?: string[]; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(process.execPath, [...(opts.node ?? []), bin, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', NRM_CHECK_DEBUG_START: '1', NRM_CHECK_CACHE_DIR: path.join(tmp, 'cache'), ...opts.env },
  });
}

describe('nrm-check runs compiled JavaScript', () => {
  it('runs the build, with tsx never loaded', () => {
    const r = run(BIN, ['check', DRAFT, '--format', 'json'], { node: ['--import', NO_TSX] });
    expect(r.status, r.stderr).toBe(1); // it answered: the sample draft has error-severity findings
    expect(r.stderr).toMatch(/^nrm-check: start: built dist\/node\/main\.mjs/m);
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
    // and the guard does catch tsx: the same start from source fails under it
    const fromSource = run(BIN, ['--version'], { node: ['--import', NO_TSX], env: { NRM_CHECK_FROM_SOURCE: '1' } });
    expect(fromSource.status).toBe(2);
    expect(fromSource.stderr).toContain('tsx was loaded');
  }, 120_000);

  it('checks with a cleared cache without computing a single inflection', () => {
    const cache = path.join(tmp, 'cleared');
    const r = run(BIN, ['check', DRAFT, '--format', 'json'], { node: ['-r', NO_NLP], env: { NRM_CHECK_CACHE_DIR: cache } });
    expect(r.status, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('disbelief/claims');
    expect(fs.existsSync(cache) ? fs.readdirSync(cache).filter((f) => f.startsWith('rules-')) : []).toEqual([]);
    // without the package's compiled rules the same start needs the NLP library, so the guard stops it
    const without = run(BIN, ['check', DRAFT, '--format', 'json'], { node: ['-r', NO_NLP], env: { NRM_CHECK_CACHE_DIR: cache, NRM_CHECK_PACKAGE_RULES: path.join(tmp, 'none.json') } });
    expect(without.status).toBe(2);
    expect(without.stderr).toContain('the NLP library was loaded');
  }, 120_000);
});

describe('the launcher in a checkout of its own (a copy, so the real tree is left alone)', () => {
  const copy = path.join(tmp, 'checkout');
  const bin = path.join(copy, 'src/cli/bin.mjs');
  const setUp = () => {
    for (const f of ['src', 'rules', 'package.json', 'package-lock.json', 'tsconfig.json']) fs.cpSync(path.join(ROOT, f), path.join(copy, f), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'junction');
    // the real build's compiled rules: the copy's first build keeps them, as its rule files are the same
    fs.mkdirSync(path.join(copy, 'dist/node'), { recursive: true });
    const compiled = path.join(ROOT, 'dist/node/compiled-rules.json');
    if (fs.existsSync(compiled)) fs.copyFileSync(compiled, path.join(copy, 'dist/node/compiled-rules.json'));
  };

  it('builds when there is no build, then runs it until a source or a rule changes, and then builds first', () => {
    setUp();
    const first = run(bin, ['--version']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/start: built dist\/node\/main\.mjs \(rebuilt in \d+ ms/);
    expect(first.stdout.trim()).toBe('0.1.0');
    const again = run(bin, ['--version']);
    expect(again.stderr).toMatch(/\(up to date\)/);

    // a source changed: the next start rebuilds before it runs, and runs the change
    const main = path.join(copy, 'src/cli/main.ts');
    fs.writeFileSync(main, fs.readFileSync(main, 'utf8').replace("const VERSION = '0.1.0';", "const VERSION = '0.1.0-changed';"));
    const changed = run(bin, ['--version']);
    expect(changed.stderr).toMatch(/rebuilt in \d+ ms/);
    expect(changed.stdout.trim()).toBe('0.1.0-changed');

    // a rule changed: the compiled rules are made again with the build, and say what the rule file says
    const claims = path.join(copy, 'rules/disbelief/claims.yml');
    fs.writeFileSync(claims, fs.readFileSync(claims, 'utf8').replace(/^message: .*$/m, "message: 'Changed in the copy: write states.'"));
    const draft = path.join(tmp, 'draft.txt');
    fs.writeFileSync(draft, 'Account\n\nThe child claims she was kept in a flat.\n');
    const checked = run(bin, ['check', draft, '--format', 'json']);
    expect(checked.stderr).toMatch(/rebuilt in \d+ ms \(compiled rules written\)/);
    expect(JSON.parse(checked.stdout).findings.find((f: { rule: string }) => f.rule === 'disbelief/claims').message).toBe('Changed in the copy: write states.');
    const fromPackage = run(bin, ['check', draft, '--format', 'json'], { node: ['-r', NO_NLP], env: { NRM_CHECK_CACHE_DIR: path.join(tmp, 'cache-copy') } });
    expect(fromPackage.status, fromPackage.stderr).toBe(0); // this draft has no error-severity finding
    expect(fromPackage.stderr).toMatch(/\(up to date\)/);
  }, 180_000);

  it('runs the sources through tsx, never the old build, where esbuild is not installed', () => {
    const bare = path.join(tmp, 'no-esbuild');
    for (const f of ['src', 'rules', 'package.json', 'package-lock.json', 'tsconfig.json', 'dist']) fs.cpSync(path.join(copy, f), path.join(bare, f), { recursive: true });
    // the same packages, esbuild left out; the copied build is older than these copied sources
    fs.mkdirSync(path.join(bare, 'node_modules'));
    for (const name of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
      if (name !== 'esbuild' && name !== '.bin') fs.symlinkSync(path.join(ROOT, 'node_modules', name), path.join(bare, 'node_modules', name), 'junction');
    }
    const r = run(path.join(bare, 'src/cli/bin.mjs'), ['--version']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('start: from source (esbuild is not installed)');
    expect(r.stdout.trim()).toBe('0.1.0-changed');
  }, 120_000);
});
