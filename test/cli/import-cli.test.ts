import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');
const REAL = path.resolve(ROOT, '../shared/corpus/real');
const DEV = path.resolve(ROOT, '../shared/corpus/dev');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!fs.existsSync(REAL))('nrm-check on PDF and DOCX', () => {
  const locked = path.join(REAL, 'pdf/pypdf-r6-user-password.pdf');

  it('reports a password-protected PDF as encrypted, in JSON, with exit 2', () => {
    const r = run(['check', locked, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ file: locked, error: { code: 'encrypted' } });
    expect(r.err).toMatch(/--password/);
  });

  it('opens it with --password, and says so when the password is wrong', () => {
    expect(JSON.parse(run(['check', locked, '--password', 'asdfzxcv', '--format', 'json']).out).text).toBe('pdf encryption test password: asdfzxcv');
    expect(JSON.parse(run(['check', locked, '--password', 'nope', '--format', 'json']).out).error.message).toMatch(/password .* not right/);
  });

  it('says an encrypted Word file is encrypted', () => {
    const r = run(['check', path.join(REAL, 'docx/poi-password-is-pass.docx'), '--format', 'json']);
    expect(JSON.parse(r.out).error.code).toBe('encrypted');
  });

  it('checks the other files when one fails, and lists the failure', () => {
    const ok = path.join(REAL, 'pdf/sample-files-minimal-document.pdf');
    const j = JSON.parse(run(['check', ok, locked, '--format', 'json']).out);
    expect(j.map((x: { text?: string; error?: unknown }) => (x.error ? 'error' : 'text'))).toEqual(['text', 'error']);
  });

  it('enforces the size and page limits with a clear message', () => {
    const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-big-')), 'big.txt');
    fs.writeFileSync(big, 'She said he took her passport. '.repeat(60000));
    const r = run(['check', big, '--max-size', '1', '--format', 'json']);
    expect(JSON.parse(r.out).error).toMatchObject({ code: 'too-large' });
    expect(JSON.parse(r.out).error.message).toMatch(/limit is 1 MB/);
    const pages = run(['check', path.join(REAL, 'pdf/sample-files-pdflatex-4-pages.pdf'), '--max-pages', '2', '--format', 'json']);
    expect(JSON.parse(pages.out).error.message).toMatch(/4 pages; the limit is 2/);
  });
});

describe.skipIf(!fs.existsSync(DEV))('patterns and pages', () => {
  it('expands a quoted pattern and gives page numbers for PDF findings', () => {
    const j = JSON.parse(run(['check', path.join(DEV, 'd0[12].pdf').replace('[12]', '?'), '--format', 'json']).out);
    expect(j.length).toBe(9);
    expect(j[0].findings[0].page).toBe(1);
    expect(run(['check', path.join(DEV, 'd01.pdf')]).out).toMatch(/p1 13:8 +warning +'claims'/);
  });
});

describe('text normalisation', () => {
  it('uses NFC, drops NUL and control characters, and keeps curly quotes and dashes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-norm-'));
    const f = path.join(dir, 'draft.txt');
    fs.writeFileSync(f, 'Jose\u0301 said \u201cno\u201d \u2013 twice.\u0000\u0007\r\nNext line.');
    const j = JSON.parse(run(['check', f, '--format', 'json']).out);
    expect(j.text).toBe('Jos\u00e9 said \u201cno\u201d \u2013 twice.\nNext line.');
  });
});
