/**
 * An audit answers every file with a row, whatever it holds (issue 15): a draft too large to check gets a
 * `too-large` row, and a file still being worked on after its time limit a `timeout` row, while the files
 * after it are checked as usual.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../src/audit/audit.js';
import { ADVERSARIAL } from '../fixtures/adversarial.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-audit-limits-'));
const write = (name: string, text: string) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, text);
  return f;
};
const small = write('small.txt', 'The child claims he was made to sell drugs in Leeds in March 2024.');

describe('audit limits', () => {
  it('gives a draft with too many findings a too-large row and checks the rest', async () => {
    const big = write('repeated.txt', ADVERSARIAL.paragraph_conditions!(1024 * 1024));
    const rows = await auditFiles([big, small], {}, { concurrency: 1 });
    expect(rows.map((r) => [path.basename(r.file), r.status, r.error])).toEqual([
      ['repeated.txt', 'error', 'too-large'],
      ['small.txt', 'checked', undefined],
    ]);
  }, 120_000);

  it('gives a file still running after its time limit a timeout row (the same file checks within the usual limits)', async () => {
    const slow = write('slow.txt', 'He was moved between addresses. '.repeat(60_000));
    const rows: string[] = [];
    await auditFiles([slow], {}, { concurrency: 1, fileTimeoutMs: 1, onRow: (r) => rows.push(`${path.basename(r.file)} ${r.status} ${r.error ?? ''}`) });
    expect(rows).toEqual(['slow.txt error timeout']);
    const after = await auditFiles([slow, small], {}, { concurrency: 1 });
    expect(after.map((r) => r.status)).toEqual(['checked', 'checked']);
  }, 120_000);
});
