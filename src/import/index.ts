/**
 * importFile(path) → Document plus warnings. Chooses the reader by the file's bytes, not its name: plain
 * text and Markdown, DOCX (mammoth) and, behind the same interface, PDF.
 */
import fs from 'node:fs';
import { checkSize, SIZE_LIMITS, TooLarge, type SizeLimits } from '../document/limits.js';
import type { Document } from '../document/model.js';
import { fromPlainText } from '../document/plain.js';
import { ImportError, tooLargeError } from './errors.js';
import { DEFAULT_LIMITS, type Limits } from './isolate.js';
import type { OcrProgress } from './ocr.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export type Format = 'pdf' | 'docx' | 'ole' | 'text' | 'utf16' | 'binary';

export function sniff(bytes: Uint8Array): Format {
  if (bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'utf16';
  // A stray NUL is stripped later; many of them mean a binary file.
  const head = bytes.subarray(0, 8192);
  let nuls = 0;
  for (const b of head) if (b === 0) nuls++;
  return nuls > Math.max(2, head.length / 100) ? 'binary' : 'text';
}

export interface ImportOptions {
  /** Size limit in bytes (default 50 MB). */
  maxBytes?: number;
  /** Page limit for PDFs (default 500). */
  maxPages?: number;
  /** Time limit for one file's parsing, in milliseconds (default 20 s). */
  timeoutMs?: number;
  password?: string;
  limits?: Limits;
  /** What a file may expand to once read: characters, blocks (default SIZE_LIMITS). */
  size?: SizeLimits;
  /** Text recognition for scanned PDFs (opt-in). */
  ocr?: boolean;
  onOcrProgress?: (p: OcrProgress) => void;
}

export interface Imported {
  document: Document;
  format: 'text' | 'docx' | 'pdf';
  /** Things the user should know about the import (tracked changes, comments, skipped pages). */
  warnings: string[];
}

export async function importFile(file: string, opts: ImportOptions = {}): Promise<Imported> {
  return importBytes(readDraftBytes(file, opts), opts);
}

/** A draft file's bytes, once its size is known to be within `opts.maxBytes`; typed errors otherwise. */
export function readDraftBytes(file: string, opts: Pick<ImportOptions, 'maxBytes'> = {}): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ImportError('not-found', `The file "${file}" could not be found. Check the name and folder.`);
  }
  if (!stat.isFile()) throw new ImportError('unsupported', `"${file}" is a folder, not a document.`);
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (stat.size > max) {
    throw new ImportError('too-large', `The file is ${(stat.size / 1048576).toFixed(1)} MB; the limit is ${(max / 1048576).toFixed(0)} MB. Split the document or save the referral text on its own.`);
  }
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new ImportError('not-found', `The file "${file}" could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}). Check that it is not open elsewhere or protected.`);
  }
}

export async function importBytes(bytes: Uint8Array, opts: ImportOptions = {}): Promise<Imported> {
  try {
    return await read(bytes, opts);
  } catch (e) {
    throw e instanceof TooLarge ? tooLargeError(e) : e;
  }
}

async function read(bytes: Uint8Array, opts: ImportOptions): Promise<Imported> {
  const size = opts.size ?? SIZE_LIMITS;
  const kind = sniff(bytes);
  if (kind === 'text' || kind === 'utf16') {
    let text: string;
    if (kind === 'utf16') text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder('windows-1252').decode(bytes);
      }
    }
    if (text.length > size.maxChars) throw new TooLarge('characters', text.length, size.maxChars);
    if (!text.trim()) throw new ImportError('empty', 'The document has no text. Check that you chose the right file.');
    const document = fromPlainText(text);
    checkSize(document, size);
    return { document, format: 'text', warnings: [] };
  }
  if (kind === 'docx') {
    const { readDocx } = await import('./docx.js');
    const { DOCX_LIMITS } = await import('./docx.js');
    const r = await readDocx(bytes, { ...(opts.limits ?? DOCX_LIMITS), ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) }, size);
    return { document: r.document, format: 'docx', warnings: r.warnings };
  }
  if (kind === 'pdf') {
    const { readPdf } = await import('./pdf.js');
    const limits = { ...(opts.limits ?? DEFAULT_LIMITS), ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) };
    const r = await readPdf(bytes, { password: opts.password, maxPages: opts.maxPages, limits, ocr: opts.ocr, onOcrProgress: opts.onOcrProgress, size });
    return { document: r.document, format: 'pdf', warnings: [] };
  }
  if (kind === 'ole') {
    throw new ImportError('encrypted', 'This looks like a password-protected Word document or an old .doc file. Remove the password or save it as .docx, then try again.');
  }
  throw new ImportError('unsupported', 'This file is not a document the checker can read. Use a .docx, .pdf, .txt or .md file.');
}
