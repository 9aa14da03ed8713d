/**
 * Text recognition for scanned PDFs: pages are rendered in the isolated PDF worker, then read by tesseract.js
 * with the English data shipped in @tesseract.js-data/eng. Nothing is fetched; the recognised text is never
 * cached on disk. Opt-in (slow: a few seconds a page).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Document } from '../document/model.js';
import { fromPlainText } from '../document/plain.js';
import { ImportError } from './errors.js';
import { DEFAULT_LIMITS, runIsolated, type Limits } from './isolate.js';

export interface OcrProgress {
  page: number;
  pages: number;
  /** 0..1 within the page. */
  progress: number;
}

export interface OcrOptions {
  password?: string;
  /** 1-based page numbers; default all. */
  pages: number[];
  onProgress?: (p: OcrProgress) => void;
  limits?: Limits;
}

type RenderReply = { images: { num: number; png: Uint8Array }[] } | { error: { name: string; message: string } };

const require = createRequire(import.meta.url);

/** Fewer words than this, recognised over all the pages, is not a draft to check. */
export const MIN_OCR_WORDS = 20;

function langPath(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

export async function ocrPdf(bytes: Uint8Array, opts: OcrOptions): Promise<Document> {
  const limits = opts.limits ?? { ...DEFAULT_LIMITS, timeoutMs: Math.max(DEFAULT_LIMITS.timeoutMs, 10_000 * opts.pages.length) };
  const reply = await runIsolated<RenderReply>(new URL('./pdf-worker.mjs', import.meta.url), { data: bytes, password: opts.password, mode: 'render', pages: opts.pages, scale: 2 }, limits, { retireAfter: true });
  if ('error' in reply) throw new ImportError('malformed', `The PDF's pages could not be drawn for text recognition (${reply.error.message}).`);
  const { createWorker, OEM } = await import('tesseract.js');
  let current = 0;
  const worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: langPath(),
    gzip: true,
    cacheMethod: 'none',
    logger: (m: { status: string; progress: number }) => {
      if (m.status === 'recognizing text') opts.onProgress?.({ page: current, pages: reply.images.length, progress: m.progress });
    },
  });
  try {
    let text = '';
    for (const [i, image] of reply.images.entries()) {
      current = i + 1;
      const r = await worker.recognize(Buffer.from(image.png));
      const pageText = r.data.text.replace(/[ \t]+\n/g, '\n').trim();
      if (pageText) text += (text ? '\n\n' : '') + pageText;
    }
    if (!text.trim()) throw new ImportError('no-text-layer', 'Text recognition found no text in this PDF: it may hold only pictures. Check that you chose the right file.');
    // A few stray words from a photo or a stamp are not a draft to score: say what was found instead.
    const words = text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;
    if (words < MIN_OCR_WORDS) {
      throw new ImportError(
        'no-text-layer',
        `Text recognition found almost no text in this PDF (${words} word${words === 1 ? '' : 's'} on ${reply.images.length} page${reply.images.length === 1 ? '' : 's'}), too little to check: the pages may be pictures, handwriting or a poor scan. Scan it again more clearly, or save the draft from the program that made it.`,
      );
    }
    return fromPlainText(text);
  } finally {
    await worker.terminate();
  }
}
