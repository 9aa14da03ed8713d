/**
 * Whatever goes wrong, the CLI says it in one line and exits 2 (issue 15): a draft too large to check, a
 * draft whose bytes expand past the limits, and a fault of the checker's own (here: its output pipe fails).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ADVERSARIAL } from '../fixtures/adversarial.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-cli-errors-'));

function run(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

const oneLineNoStack = (stderr: string) => {
  const lines = stderr.trim().split('\n');
  expect(lines.filter((l) => /^\s+at /.test(l))).toEqual([]);
  return lines;
};

describe('CLI errors', () => {
  it('a draft with more findings than the limit: one line, exit 2, for check, fix and report', () => {
    const file = path.join(tmp, 'repeated.txt');
    fs.writeFileSync(file, ADVERSARIAL.paragraph_conditions!(1024 * 1024));
    for (const args of [['check', file], ['fix', file, '--out', path.join(tmp, 'out.docx')], ['report', file, '--out', path.join(tmp, 'r.html')]]) {
      const r = run(args);
      expect(r.status, args[0]).toBe(2);
      const lines = oneLineNoStack(r.stderr);
      expect(lines.some((l) => /too large to check: it gave more than 5,000 findings/.test(l)), r.stderr).toBe(true);
    }
    expect(fs.existsSync(path.join(tmp, 'out.docx'))).toBe(false);
  }, 180_000);

  it('a JSON check reports the too-large file as an error entry with its code', () => {
    const file = path.join(tmp, 'repeated.txt');
    const r = run(['check', file, '--format', 'json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ file, error: { code: 'too-large' } });
  }, 120_000);

  it('a fault of its own (the output cannot be written): one line, exit 2', async () => {
    const errs: string[] = [];
    const code = await main(['rules', 'list'], {
      out: () => {
        throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      },
      err: (s) => errs.push(s),
      isTty: false,
      errIsTty: false,
      progress: () => {},
    });
    expect(code).toBe(2);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^nrm-check: an unexpected problem stopped the check \(Error: write EPIPE\)/);
    expect(errs[0]).not.toMatch(/\n/);
  });
});
