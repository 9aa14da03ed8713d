/** PDF reader: pdfjs in an isolated worker, layout rebuilt here; typed errors for every failure. */
import { checkSize, SIZE_LIMITS, type Measure, type SizeLimits } from '../document/limits.js';
import type { Document } from '../document/model.js';
import { ImportError, tooLargeError } from './errors.js';
import { DEFAULT_LIMITS, runIsolated, type Limits } from './isolate.js';
import { ocrPdf, type OcrProgress } from './ocr.js';
import { layoutToDocument, type PdfPage } from './pdf-layout.js';

export interface PdfOptions {
  password?: string;
  maxPages?: number;
  limits?: Limits;
  /** Recognise text in pages that have no text layer (scans); off by default because it is slow. */
  ocr?: boolean;
  onOcrProgress?: (p: OcrProgress) => void;
  /** What the text may expand to (default SIZE_LIMITS). */
  size?: SizeLimits;
}

export const DEFAULT_MAX_PAGES = 500;

type WorkerReply = { pages: PdfPage[] } | { error: { name: string; message: string } } | { tooLarge: { measure: Measure; reached: number; limit: number } };

export async function readPdf(bytes: Uint8Array, opts: PdfOptions = {}): Promise<{ document: Document; pages: number }> {
  const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
  const size = opts.size ?? SIZE_LIMITS;
  const reply = await runIsolated<WorkerReply>(new URL('./pdf-worker.mjs', import.meta.url), { data: bytes, password: opts.password, maxPages, limits: size }, opts.limits ?? DEFAULT_LIMITS);
  if ('tooLarge' in reply) throw tooLargeError(reply.tooLarge);
  if ('error' in reply) {
    const { name, message } = reply.error;
    if (name === 'PasswordException') {
      throw new ImportError(
        'encrypted',
        opts.password ? 'The password for this PDF is not right. Check it and try again.' : 'This PDF is protected by a password. Give its password, or save an unprotected copy.',
        undefined,
        'password',
      );
    }
    if (name === 'TooManyPages') throw new ImportError('too-large', `The PDF has ${message} pages; the limit is ${maxPages}. Save the referral pages as a separate PDF.`);
    throw new ImportError('malformed', `This PDF could not be read (${message}). It may be damaged: open it and save or print it to a new PDF, then try again.`);
  }
  const document = layoutToDocument(reply.pages);
  checkSize(document, size);
  if (!document.text.trim()) {
    if (opts.ocr) {
      const pages = reply.pages.map((p) => p.num);
      return { document: await ocrPdf(bytes, { password: opts.password, pages, onProgress: opts.onOcrProgress }), pages: pages.length };
    }
    throw new ImportError('no-text-layer', 'This PDF has no text layer: it looks like a scan or pictures of pages. Turn on text recognition to read it, or save the draft from the program that made it.', undefined, 'ocr');
  }
  return { document, pages: reply.pages.length };
}
