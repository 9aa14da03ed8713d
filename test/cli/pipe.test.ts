/**
 * The command line as a shell user meets it (issue 17): piped into `head`, it stops quietly, with no stack
 * trace; its first line says whom the draft is about in plain English.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');

describe('nrm-check in a shell pipeline', () => {
  it('stops quietly when the reader closes the pipe (| head)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-pipe-'));
    const file = path.join(dir, 'long.txt');
    fs.writeFileSync(file, 'She claims she was never paid for the work in the car wash.\n\n'.repeat(1500));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check "${file}" | head -n 2`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.stdout.split('\n')[0]).toMatch(/long\.txt {2}— about an adult/);
    expect(r.stderr).not.toMatch(/EPIPE|could not run|at .*\.m?js/);
    expect(r.stderr).toBe('');
  }, 60_000);

  it('says "an adult" and "a child"', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-who-'));
    const child = path.join(dir, 'child.txt');
    fs.writeFileSync(child, 'Kai is 15 years old. He states he was made to sell drugs in Leeds in March 2024.');
    const r = spawnSync(process.execPath, [BIN, 'check', child, path.join(ROOT, 'test/fixtures/sample-draft.txt')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.stdout).toMatch(/child\.txt {2}— about a child, age 15 \(the draft says “Kai is 15”\)/);
    expect(r.stdout).toMatch(/sample-draft\.txt {2}— about an adult, age 34 \(the draft says “aged 34”\)/);
  }, 60_000);
});
