import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');
const DEV = path.resolve(ROOT, '../shared/corpus/dev');
const REAL = path.resolve(ROOT, '../shared/corpus/real');

let html = '';
function audit(dir: string): string[] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-audit-'));
  const csv = path.join(tmp, 'out.csv');
  // a generous parser timeout: this checks outcomes, not speed (a busy machine must not turn a readable file
  // into a timeout row); the time per file is measured by `npm run bench`
  const args = [BIN, 'audit', dir, '--csv', csv, '--out', path.join(tmp, 'report.html'), '--history', path.join(tmp, 'h.sqlite'), '--timeout', '120'];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 600_000 });
  expect(r.status, r.stderr).toBe(0);
  html = fs.readFileSync(path.join(tmp, 'report.html'), 'utf8');
  return fs.readFileSync(csv, 'utf8').trim().split('\n');
}

describe.skipIf(!fs.existsSync(DEV))('nrm-check audit', () => {
  it('gives one row per draft of the dev corpus (.txt, .docx, .pdf; gold files skipped) plus a header', () => {
    const lines = audit(DEV);
    expect(lines[0]).toBe('file,status,score,disbelief,victim_blaming,jargon,missing,is_child');
    expect(lines).toHaveLength(37);
    // d05's gold has 4 victim-blaming and 2 jargon flags and "where" missing: the same from every format
    expect(lines.filter((l) => l.startsWith('d05.'))).toEqual(['d05.docx,checked,65,0,4,2,where,true', 'd05.pdf,checked,65,0,4,2,where,true', 'd05.txt,checked,65,0,4,2,where,true']);
    // The aggregate report: the same files, its charts drawn from the same rows, no script.
    expect(html).toContain('<b>36</b>checked');
    expect(html.match(/<svg role="img"/g)?.length).toBeGreaterThanOrEqual(4);
    const victimBlaming = lines.slice(1).reduce((n, l) => n + Number(l.split(',')[4]), 0);
    expect(html).toMatch(new RegExp(`>Victim-blaming</text><rect[^>]*/><text[^>]*>${victimBlaming}</text>`));
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html).not.toContain('Poppy');
  }, 60_000);

  it.skipIf(!fs.existsSync(REAL))('finishes on the real-world corpus with a row for every file, errors included', () => {
    const lines = audit(REAL);
    const rows = fs.readFileSync(path.join(REAL, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const manifest = rows.map((r) => r[0]!);
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(manifest.sort());
    // Two files at a time give the same outcomes as one at a time (the import test's rules): readable files are
    // checked, encrypted ones say so, scanned ones have no text layer, damaged ones fail with a damage code.
    const status = new Map(lines.slice(1).map((l) => [l.split(',')[0]!, l.split(',')[1]!]));
    // (A readable file read beside another large one can pass its memory or time limit on a loaded machine:
    // the reader's memory watch sees the whole process. That is a resource row, not a wrong reading; the import
    // test reads each file alone, and `npm run bench` times them.)
    const resource = ['error:too-large', 'error:timeout'];
    const readable = rows.filter((r) => r[5] === 'text');
    expect(readable.filter(([file]) => status.get(file!) === 'checked').length, 'readable files checked').toBeGreaterThanOrEqual(readable.length - 1);
    for (const [file, , , , , expected] of rows) {
      const got = status.get(file!)!;
      if (expected === 'text') expect(['checked', ...resource], file).toContain(got);
      else if (expected === 'error-encrypted') expect(got, file).toBe('error:encrypted');
      else if (expected === 'no-text-layer') expect(['error:no-text-layer', 'error:empty'], file).toContain(got);
      else expect(['error:malformed', 'error:timeout', 'error:too-large', 'error:empty', 'error:no-text-layer', 'error:unsupported'], file).toContain(got);
    }
    expect(lines.find((l) => l.startsWith('pdf/pdfjs-bomb-giant.pdf'))).toMatch(/,error:(too-large|timeout),/);
    expect(lines.find((l) => l.startsWith('docx/poi-password-is-pass.docx'))).toMatch(/,error:encrypted,/);
    const errors = lines.filter((l) => l.includes(',error:')).length;
    expect(html).toContain(`<b>${errors}</b>could not be read`);
  }, 600_000);
});
