/**
 * DOCX reader: mammoth in an isolated worker; headings, lists, tables and footnotes become blocks here.
 * Unaccepted tracked changes and comments are reported, because mammoth keeps insertions and drops deletions
 * without saying so.
 */
import { checkSize, SIZE_LIMITS, type Measure, type SizeLimits } from '../document/limits.js';
import type { Document } from '../document/model.js';
import { ImportError, tooLargeError } from './errors.js';
import { htmlToDocument } from './html-blocks.js';
import { DEFAULT_LIMITS, runIsolated, type Limits } from './isolate.js';

export interface DocxResult {
  document: Document;
  warnings: string[];
}

type WorkerReply = { html: string; warnings: string[] } | { error: { name: string; message: string } } | { tooLarge: { measure: Measure; reached: number; limit: number } };

/** mammoth needs over a gigabyte for some long, legitimate documents. */
export const DOCX_LIMITS: Limits = { ...DEFAULT_LIMITS, maxMemoryMb: 2048 };

export async function readDocx(bytes: Uint8Array, limits: Limits = DOCX_LIMITS, size: SizeLimits = SIZE_LIMITS): Promise<DocxResult> {
  const reply = await runIsolated<WorkerReply>(new URL('./docx-worker.mjs', import.meta.url), { data: bytes, limits: size }, limits);
  if ('tooLarge' in reply) throw tooLargeError(reply.tooLarge);
  if ('error' in reply) {
    throw new ImportError('malformed', `This Word document could not be read (${reply.error.message.split('\n')[0]}). Open it in Word and save it again as .docx, then try again.`);
  }
  const document = htmlToDocument(reply.html);
  checkSize(document, size);
  if (!document.text.trim()) {
    throw new ImportError('no-text-layer', 'The Word document has no text in its body (it may hold only pictures or comments). Check that you chose the right file.');
  }
  return { document, warnings: reply.warnings };
}
