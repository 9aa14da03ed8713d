/**
 * DOCX reader (mammoth): headings, lists, tables and footnotes as blocks. Unaccepted tracked changes and
 * comments are reported, because mammoth keeps insertions and drops deletions without saying so.
 */
import mammoth from 'mammoth';
import type { Document } from '../document/model.js';
import { ImportError } from './errors.js';
import { htmlToDocument } from './html-blocks.js';

export interface DocxResult {
  document: Document;
  warnings: string[];
}

async function revisionsAndComments(bytes: Uint8Array): Promise<string[]> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const ins = (xml.match(/<w:ins\b/g) ?? []).length;
  const del = (xml.match(/<w:del\b/g) ?? []).length;
  const out: string[] = [];
  if (ins || del) {
    out.push(`The document has ${ins + del} tracked change${ins + del === 1 ? '' : 's'} not yet accepted (${ins} insertion${ins === 1 ? '' : 's'}, ${del} deletion${del === 1 ? '' : 's'}). Inserted text was checked; deleted text was not. Accept or reject the changes in Word to check the final text.`);
  }
  const comments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
  const n = (comments.match(/<w:comment\b/g) ?? []).length;
  if (n) out.push(`The document has ${n} comment${n === 1 ? '' : 's'}; comments are not checked.`);
  return out;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxResult> {
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    html = (await mammoth.convertToHtml({ buffer }, { includeDefaultStyleMap: true })).value;
  } catch (e) {
    throw new ImportError('malformed', `This Word document could not be read (${(e as Error).message.split('\n')[0]}). Open it in Word and save it again as .docx, then try again.`);
  }
  const document = htmlToDocument(html);
  if (!document.text.trim()) throw new ImportError('empty', 'The Word document has no text. Check that you chose the right file.');
  return { document, warnings: await revisionsAndComments(bytes) };
}
