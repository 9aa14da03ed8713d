/**
 * Speed at scale, for `npm run bench`: importing through the long-lived parser workers against the bare
 * parsers in the same run, and a batch audit of 1,000 drafts made from the dev corpus.
 *   import_pdf_ms / import_docx_ms: median time of one file through importFile, the pool warm
 *   import_vs_parser: those medians summed, over the bare parsers' (pdf.js text content, mammoth HTML) on the
 *     same files in this thread, warm
 *   audit_docs_per_s: 1,000 drafts (the dev corpus's .txt, .docx and .pdf copied round) through auditFiles
 *     with its default pool
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditFiles } from '../../src/audit/audit.js';
import { importFile } from '../../src/import/index.js';

const require = createRequire(import.meta.url);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function devFiles(devDir: string, ext: string): string[] {
  return fs
    .readdirSync(devDir)
    .filter((f) => f.endsWith(`.${ext}`))
    .sort()
    .map((f) => path.join(devDir, f));
}

/** pdf.js as the worker runs it, in this thread: the parser's own time for a file's text. */
async function barePdf(): Promise<(bytes: Uint8Array) => Promise<number>> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = path.dirname(require.resolve('pdfjs-dist/package.json'));
  return async (bytes) => {
    const doc = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, cMapUrl: path.join(dir, 'cmaps') + path.sep, cMapPacked: true, standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
    let n = 0;
    for (let p = 1; p <= doc.numPages; p++) n += (await (await doc.getPage(p)).getTextContent()).items.length;
    await doc.destroy();
    return n;
  };
}

async function bareDocx(): Promise<(bytes: Uint8Array) => Promise<number>> {
  const mammoth = (await import('mammoth')).default;
  return async (bytes) => (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value.length;
}

async function timeEach(files: string[], rounds: number, fn: (file: string) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const f of files) {
      const t = performance.now();
      await fn(f);
      times.push(performance.now() - t);
    }
  }
  return median(times);
}

export async function benchImport(devDir: string): Promise<{ import_pdf_ms: number; import_docx_ms: number; import_vs_parser: number }> {
  const pdfs = devFiles(devDir, 'pdf');
  const docxs = devFiles(devDir, 'docx');
  const bytes = new Map([...pdfs, ...docxs].map((f) => [f, new Uint8Array(fs.readFileSync(f))]));
  const pdf = await barePdf();
  const docx = await bareDocx();
  // warm both: the pool's workers started and their parsers loaded, the bare parsers compiled
  for (const f of pdfs) {
    await importFile(f);
    await pdf(bytes.get(f)!);
  }
  for (const f of docxs) {
    await importFile(f);
    await docx(bytes.get(f)!);
  }
  const importPdf = await timeEach(pdfs, 3, (f) => importFile(f));
  const importDocx = await timeEach(docxs, 3, (f) => importFile(f));
  const parsePdf = await timeEach(pdfs, 3, (f) => pdf(bytes.get(f)!));
  const parseDocx = await timeEach(docxs, 3, (f) => docx(bytes.get(f)!));
  return {
    import_pdf_ms: Number(importPdf.toFixed(1)),
    import_docx_ms: Number(importDocx.toFixed(1)),
    import_vs_parser: Number(((importPdf + importDocx) / (parsePdf + parseDocx)).toFixed(2)),
  };
}

export async function benchAudit(devDir: string, count = 1000): Promise<{ audit_docs_per_s: number; audit_errors: number }> {
  const sources = [...devFiles(devDir, 'txt'), ...devFiles(devDir, 'docx'), ...devFiles(devDir, 'pdf')];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-bench-audit-'));
  try {
    const files: string[] = [];
    for (let i = 0; i < count; i++) {
      const src = sources[i % sources.length]!;
      const to = path.join(dir, `${String(i).padStart(4, '0')}-${path.basename(src)}`);
      fs.copyFileSync(src, to);
      files.push(to);
    }
    const t = performance.now();
    const rows = await auditFiles(files, {});
    const s = (performance.now() - t) / 1000;
    return { audit_docs_per_s: Number((rows.length / s).toFixed(1)), audit_errors: rows.filter((r) => r.status === 'error').length };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const dev = path.resolve(import.meta.dirname, '../../../shared/corpus/dev');
  const only = process.argv[2];
  if (only !== 'audit') process.stdout.write(JSON.stringify(await benchImport(dev)) + '\n');
  if (only !== 'import') process.stdout.write(JSON.stringify(await benchAudit(dev, Number(process.argv[3] ?? 1000))) + '\n');
  process.exit(0);
}
