import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/errors.js';
import { importFile } from '../../src/import/index.js';

// Walks ../shared/corpus/real/MANIFEST.tsv: 94 real-world PDF and DOCX files made by other programs. Every
// outcome must match the manifest's `expected` column, every noted phrase must be found, and the
// decompression bomb must be stopped (too large, or out of time). How long each file takes is measured by
// `npm run bench`, not here: a busy machine must not fail a test of outcomes. The parser's time limit is raised
// for the same reason; the bomb is stopped by its memory limit, not by time.
const DIR = path.resolve(import.meta.dirname, '../../../shared/corpus/real');
const MANIFEST = path.join(DIR, 'MANIFEST.tsv');

interface Row {
  file: string;
  kind: string;
  expected: string;
  note: string;
}

const rows: Row[] = fs.existsSync(MANIFEST)
  ? fs
      .readFileSync(MANIFEST, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
      .map(([file, , , , kind, expected, note]) => ({ file: file!, kind: kind!, expected: expected!, note: note ?? '' }))
  : [];

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ');

describe.skipIf(!rows.length)('real-world documents (shared/corpus/real)', () => {
  it('lists 94 files', () => {
    expect(rows).toHaveLength(94);
  });

  for (const row of rows) {
    it(`${row.file} → ${row.expected}`, async () => {
      let result: Awaited<ReturnType<typeof importFile>> | undefined;
      let error: unknown;
      try {
        result = await importFile(path.join(DIR, row.file), { timeoutMs: 120_000 });
      } catch (e) {
        error = e;
      }
      if (row.file.includes('bomb')) expect((error as ImportError | undefined)?.code).toMatch(/^(?:too-large|timeout)$/);
      if (error !== undefined && !(error instanceof ImportError)) throw error; // never an untyped crash
      const code = error instanceof ImportError ? error.code : undefined;
      if (error instanceof ImportError) expect(error.message.length).toBeGreaterThan(30); // says what to do
      switch (row.expected) {
        case 'text': {
          expect(code, (error as Error | undefined)?.message).toBeUndefined();
          const phrase = /phrase: "([^"]+)"/.exec(row.note)?.[1];
          if (phrase) expect(norm(result!.document.text)).toContain(norm(phrase));
          break;
        }
        case 'error-encrypted':
          expect(code).toBe('encrypted');
          break;
        case 'error-malformed':
          expect(code === undefined || ['malformed', 'timeout', 'too-large', 'empty', 'no-text-layer', 'unsupported'].includes(code)).toBe(true);
          break;
        case 'no-text-layer':
          if (code === undefined) expect(result!.document.text.trim().length).toBeLessThan(50);
          else expect(['no-text-layer', 'empty']).toContain(code);
          break;
        default:
          throw new Error(`unknown expected value ${row.expected}`);
      }
    }, 150_000);
  }
});
