/**
 * The importers fuzzed: 200 mutants of the project's real documents (seed 1), checked in a child process on
 * the path `nrm-check check` takes, must each get a view or a typed error, with every mutation family used.
 * `npm run fuzz -- --count N --seed S` runs more through the same code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/errors.js';
import { judgeError } from './judge.js';
import { FAMILIES, makeMutant } from './mutate.js';
import { defaultSeeds, ROOT, runFuzz } from './run.js';

const DEV = path.resolve(ROOT, '../shared/corpus/dev');

describe('judging what the checker did', () => {
  it('passes a typed error and fails an untyped one, a stack in the message, or a message of several lines', () => {
    expect(judgeError(new ImportError('malformed', 'This PDF could not be read. Save it again.'))).toEqual({ kind: 'typed', code: 'malformed' });
    expect(judgeError(Object.assign(new Error('Reading the file took too long.'), { code: 'timeout' }))).toEqual({ kind: 'typed', code: 'timeout' });
    const untyped = judgeError(new TypeError('Cannot read properties of undefined'));
    expect(untyped).toMatchObject({ kind: 'fail', why: 'untyped error TypeError' });
    expect((untyped as { where?: string }).where).toMatch(/^test\/fuzz\/fuzz\.test\.ts:\d+$/);
    // a Node system error's code is not one of the checker's
    expect(judgeError(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toMatchObject({ kind: 'fail' });
    const stacked = new ImportError('malformed', `The file could not be read (${new Error('inner').stack}).`);
    expect(judgeError(stacked)).toMatchObject({ kind: 'fail', why: 'malformed error with a stack trace in its message' });
    expect(judgeError(new ImportError('malformed', 'line one\nline two'))).toMatchObject({ kind: 'fail', why: 'malformed error with a message of 2 lines' });
    expect(judgeError('a thrown string')).toMatchObject({ kind: 'fail', why: 'untyped error string' });
  });
});

describe.skipIf(!fs.existsSync(DEV))('fuzzing the importers', () => {
  it('rebuilds any mutant byte for byte from the seed and its number, and another seed gives another', () => {
    const seeds = defaultSeeds();
    for (const k of [0, 13, 14, 21, 30]) {
      const a = makeMutant(1, k, seeds);
      expect(a.name).toBe(`s1-${String(k).padStart(4, '0')}-${FAMILIES[k]!.name}`);
      expect(Buffer.from(makeMutant(1, k, seeds).bytes).equals(Buffer.from(a.bytes))).toBe(true);
      expect(Buffer.from(makeMutant(2, k, seeds).bytes).equals(Buffer.from(a.bytes))).toBe(false);
    }
  });

  it('gets a view or a typed error for each of 200 mutants (seed 1), every family used, nothing crashed, hung or ran out of memory', async () => {
    const summary = await runFuzz({ seed: 1, count: 200 });
    expect(summary.mutants).toBe(200);
    expect(Object.entries(summary.families).filter(([, n]) => n === 0)).toEqual([]);
    // each failure names the mutant, its family and source file, what happened, where the stack points and
    // where its bytes were saved (`npm run fuzz -- --only NAME` rebuilds it)
    expect(summary.fails).toEqual([]);
  }, 900_000);
});
