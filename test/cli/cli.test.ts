import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');
const SAMPLE = path.join(ROOT, 'test/fixtures/sample-draft.txt');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-cli-'));
}

describe('nrm-check check', () => {
  it('prints the JSON the scorer reads, with UTF-16 offsets into the returned text', () => {
    const r = run(['check', SAMPLE, '--format', 'json']);
    expect(r.code).toBe(1); // the sample has error-severity findings
    const j = JSON.parse(r.out);
    expect(j.file).toBe(SAMPLE);
    expect(j.subject).toMatchObject({ isChild: false, age: 34 });
    expect(j.findings.length).toBeGreaterThan(3);
    for (const f of j.findings) {
      expect(j.text.slice(f.start, f.end)).toBe(f.excerpt);
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'category', 'severity', 'start', 'end', 'excerpt', 'message', 'suggestions']));
    }
    expect(j.findings.map((f: { excerpt: string }) => f.excerpt)).toEqual(expect.arrayContaining(['claims', 'apparently', 'chose', 'GLAA']));
    expect(j.findings.map((f: { excerpt: string }) => f.excerpt)).not.toContain('prostitutes'); // inside her own quoted words
    expect(j.missing.map((m: { element: string }) => m.element)).toEqual(['consent']);
  });

  it('prints an array for several files', () => {
    const dir = tmpDir();
    const clean = path.join(dir, 'clean.txt');
    fs.writeFileSync(clean, 'He stated that the man took his passport in Leeds in May 2024.');
    const r = run(['check', SAMPLE, clean, '--format', 'json']);
    const j = JSON.parse(r.out);
    expect(Array.isArray(j)).toBe(true);
    expect(j.map((x: { file: string }) => path.basename(x.file))).toEqual(['sample-draft.txt', 'clean.txt']);
  });

  it('exits 0 when there is no error-severity finding', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'ok.txt');
    fs.writeFileSync(f, 'She told me that the recruiter took her passport in Leeds in May 2024.');
    expect(run(['check', f]).code).toBe(0);
  });

  it('groups the text report by category with line:col and the suggestion', () => {
    const r = run(['check', SAMPLE]);
    expect(r.out).toMatch(/^\s+disbelief \(\d+\)$/m);
    expect(r.out).toMatch(/^\s+13:5\s+warning\s+'claims' signals doubt/m);
    expect(r.out).toMatch(/→ states/);
    expect(r.out).toMatch(/missing elements \(1\)[\s\S]*consent/);
    // eslint-disable-next-line no-control-regex
    expect(r.out).not.toMatch(/\u001b\[/);
  });

  it('writes SARIF 2.1.0', () => {
    const j = JSON.parse(run(['check', SAMPLE, '--format', 'sarif']).out);
    expect(j.version).toBe('2.1.0');
    expect(j.runs[0].results.length).toBeGreaterThan(3);
    expect(j.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
  });

  it('exits 2 with a one-line reason for usage and input errors', () => {
    for (const args of [['check'], ['check', SAMPLE, '--format', 'xml'], ['frobnicate'], ['check', '/no/such/file.txt']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')[0]).toMatch(/^nrm-check: /);
    }
  });

  it('gives a typed JSON error for a file it cannot read', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'binary.txt');
    fs.writeFileSync(f, Buffer.from(Array.from({ length: 512 }, (_, i) => (i % 3 ? 0 : i % 251))));
    const r = run(['check', f, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.code).toBe('unsupported');
  });

  it('obeys --disable and a .nrmcheckrc.json (disable, severity, accept)', () => {
    const base = run(['check', SAMPLE, '--format', 'json']);
    const ids = JSON.parse(base.out).findings.map((f: { rule: string }) => f.rule);
    expect(ids).toContain('disbelief/claims');
    const off = JSON.parse(run(['check', SAMPLE, '--format', 'json', '--disable', 'disbelief/claims']).out);
    expect(off.findings.map((f: { rule: string }) => f.rule)).not.toContain('disbelief/claims');

    const dir = tmpDir();
    const draft = path.join(dir, 'draft.txt');
    fs.copyFileSync(SAMPLE, draft);
    fs.writeFileSync(
      path.join(dir, '.nrmcheckrc.json'),
      JSON.stringify({ disable: ['disbelief/hedges'], severity: { 'disbelief/claims': 'suggestion' }, accept: ['GLAA'] }),
    );
    const j = JSON.parse(run(['check', draft, '--format', 'json'], dir).out);
    const rules = j.findings.map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain('disbelief/hedges');
    expect(j.findings.find((f: { rule: string }) => f.rule === 'disbelief/claims').severity).toBe('suggestion');
    expect(j.findings.map((f: { excerpt: string }) => f.excerpt)).not.toContain('GLAA');
  });

  it('rejects a broken config file with its name', () => {
    const dir = tmpDir();
    const cfg = path.join(dir, 'bad.json');
    fs.writeFileSync(cfg, JSON.stringify({ disabled: ['x'] }));
    const r = run(['check', SAMPLE, '--config', cfg]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.json/);
  });
});

describe('nrm-check report --decisions', () => {
  it("reports the draft as the user left it: a dismissed finding is not open, and the score rises", () => {
    const dir = tmpDir();
    const out = path.join(dir, 'r.html');
    const plain = run(['report', SAMPLE, '--out', out]);
    expect(plain.code).toBe(0);
    const before = Number(/Score (\d+)\/100, (\d+) open/.exec(plain.out)![1]);
    const open = Number(/Score \d+\/100, (\d+) open/.exec(plain.out)![1]);
    const finding = JSON.parse(run(['check', SAMPLE, '--format', 'json']).out).findings[0];
    const decisions = path.join(dir, 'work.json');
    fs.writeFileSync(decisions, JSON.stringify({ accepted: [], dismissed: [{ finding, reason: 'checked with the writer' }] }));
    const after = run(['report', SAMPLE, '--out', out, '--decisions', decisions]);
    expect(after.code, after.err).toBe(0);
    expect(after.out).toContain(`${open - 1} open finding`);
    expect(Number(/Score (\d+)\/100/.exec(after.out)![1])).toBeGreaterThan(before);
    expect(fs.readFileSync(out, 'utf8')).toContain('Dismissed: checked with the writer');
    // a file that is not a decisions file is refused with its name, and nothing is written over
    fs.writeFileSync(decisions, '{"accepted": "all"}');
    const bad = run(['report', SAMPLE, '--out', path.join(dir, 'x.html'), '--decisions', decisions]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/work\.json is not a decisions file: accepted/);
    expect(fs.existsSync(path.join(dir, 'x.html'))).toBe(false);
  });
});

describe('nrm-check rules', () => {
  it('lists the rules and checks their examples', () => {
    expect(run(['rules', 'list']).out).toMatch(/disbelief\/claims\s+terms\s+disbelief/);
    const lint = run(['rules', 'lint']);
    expect(lint.code).toBe(0);
    expect(lint.out).toMatch(/rule files, 0 problems/);
  });
});
