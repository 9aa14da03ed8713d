import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/errors.js';
import { importBytes } from '../../src/import/index.js';
import { makeDocx, para } from './make-docx.js';

const DEV = path.resolve(import.meta.dirname, '../../../shared/corpus/dev');

async function importError(bytes: Uint8Array): Promise<ImportError> {
  try {
    await importBytes(bytes);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an import error');
}

describe('DOCX import', () => {
  it.skipIf(!fs.existsSync(DEV))('keeps headings, list items and table cells as blocks with the text of the .txt', async () => {
    const r = await importBytes(fs.readFileSync(path.join(DEV, 'd01.docx')));
    expect(r.format).toBe('docx');
    const kinds = new Set(r.document.blocks.map((b) => b.kind));
    expect(kinds).toEqual(new Set(['heading', 'paragraph', 'list-item']));
    const heading = r.document.blocks.find((b) => b.kind === 'heading')!;
    expect(r.document.text.slice(heading.start, heading.end)).toBe('Draft NRM referral – county lines');
    const items = r.document.blocks.filter((b) => b.kind === 'list-item').map((b) => r.document.text.slice(b.start, b.end));
    expect(items[0]).toBe('Missing episodes, the last ending about 75 miles from home.');
    const table = await importBytes(fs.readFileSync(path.join(DEV, 'd06.docx')));
    expect(table.document.blocks.some((b) => b.kind === 'table-cell')).toBe(true);
    expect(table.document.text).toContain('Name: Kumari P.');
  });

  it('warns about unaccepted tracked changes and comments, and does not read deleted text', async () => {
    const body =
      para('She said the man took her passport.') +
      '<w:p><w:r><w:t xml:space="preserve">She </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>claims</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>states</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> she was hit.</w:t></w:r></w:p>';
    const r = await importBytes(await makeDocx(body, ['Check the date']));
    expect(r.document.text).toContain('She states she was hit.');
    expect(r.document.text).not.toContain('claims');
    expect(r.warnings.join(' ')).toMatch(/2 tracked changes not yet accepted/);
    expect(r.warnings.join(' ')).toMatch(/1 comment/);
  });

  it('reads a clean document without warnings', async () => {
    const r = await importBytes(await makeDocx(para('He was taken to Leeds in May 2024.')));
    expect(r.warnings).toEqual([]);
    expect(r.document.text).toBe('He was taken to Leeds in May 2024.');
  });

  it('says an OLE file is encrypted or an old .doc, and a broken zip is malformed', async () => {
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect((await importError(ole)).code).toBe('encrypted');
    const broken = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]);
    const e = await importError(broken);
    expect(e.code).toBe('malformed');
    expect(e.message).toMatch(/save it again/);
  });

  it('says a document with no text in its body has no text', async () => {
    expect((await importError(await makeDocx(para('   ')))).code).toBe('no-text-layer');
  });
});
