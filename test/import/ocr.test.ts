import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/errors.js';
import { ocrPdf } from '../../src/import/ocr.js';

const REAL = path.resolve(import.meta.dirname, '../../../shared/corpus/real/pdf');
const SCAN = path.join(REAL, 'pypdf-siege-of-vicksburg-ocr.pdf');

// Text recognition runs offline: the English data comes from @tesseract.js-data/eng (this machine cannot reach
// the library's default download location, so a fetch would fail the test).
describe.skipIf(!fs.existsSync(SCAN))('text recognition of a scanned page', () => {
  it('reads a scanned book page as English text, reporting progress', async () => {
    const seen: number[] = [];
    const doc = await ocrPdf(new Uint8Array(fs.readFileSync(SCAN)), { pages: [1], onProgress: (p) => seen.push(p.progress) });
    expect(doc.text).toMatch(/THE SIEGE OF VICKSBURG/);
    expect(doc.text).toMatch(/Johnston is coming with fifty/);
    expect(doc.text).toMatch(/heat of the sun increases/);
    expect(seen.length).toBeGreaterThan(1);
    expect(Math.max(...seen)).toBe(1);
  }, 60000);

  it('says a photograph holds almost no text instead of scoring the specks it recognised (issue 17)', async () => {
    const e = await ocrPdf(new Uint8Array(fs.readFileSync(path.join(REAL, 'pdfjs-personwithdog.pdf'))), { pages: [1] }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('no-text-layer');
    expect((e as ImportError).message).toMatch(/almost no text in this PDF \(\d+ words? on 1 page\)/);
  }, 60000);
});
