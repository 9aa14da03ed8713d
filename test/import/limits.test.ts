/**
 * A small file may expand to more than the checker can hold (issue 15): each reader stops at the size limits
 * and answers `too-large` with how far it got, instead of running the app out of memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIZE_LIMITS } from '../../src/document/limits.js';
import { ImportError } from '../../src/import/errors.js';
import { importBytes } from '../../src/import/index.js';
import { makeDocx, para } from './make-docx.js';

const DEV = path.resolve(import.meta.dirname, '../../../shared/corpus/dev');

async function refusal(p: Promise<unknown>): Promise<ImportError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('import size limits', () => {
  it('stops a small Word file whose body expands to millions of characters, saying how far it got', async () => {
    const line = para('He was moved between houses and told he owed money for the journey. '.repeat(40));
    const bytes = await makeDocx(line.repeat(1_500), undefined, { deflate: true }); // ~4.2 M characters in ~4.3 MB of markup
    expect(bytes.length).toBeLessThan(200_000);
    const e = await refusal(importBytes(bytes));
    expect(e.code).toBe('too-large');
    expect(e.size).toMatchObject({ measure: 'characters', limit: SIZE_LIMITS.maxChars });
    expect(e.size!.reached).toBeGreaterThan(SIZE_LIMITS.maxChars);
    expect(e.message).toMatch(/too large to check: it reached [\d,]+ characters of text \(the limit is 3,000,000\)/);
    expect(e.message).not.toMatch(/save it again/i); // not called malformed
    // the same paragraph 20,000 times (~56 M characters) is stopped sooner, at the markup limit
    const bomb = await refusal(importBytes(await makeDocx(line.repeat(20_000), undefined, { deflate: true })));
    expect(bomb.size).toMatchObject({ measure: 'markup', limit: SIZE_LIMITS.maxMarkup });
  }, 120_000);

  it('stops a Word file of empty paragraphs at the block limit', async () => {
    const bytes = await makeDocx('<w:p/>'.repeat(SIZE_LIMITS.maxBlocks + 10), undefined, { deflate: true });
    const e = await refusal(importBytes(bytes));
    expect(e.code).toBe('too-large');
    expect(e.size?.measure).toBe('blocks');
  }, 120_000);

  it('stops reading Word markup past its budget, before any text is built from it', async () => {
    // markup with no text: 100 KB of run properties against a budget of 40 KB
    const props = `<w:p><w:r><w:rPr><w:b/><w:i/><w:u w:val="single"/></w:rPr></w:r></w:p>`.repeat(2000);
    const e = await refusal(importBytes(await makeDocx(props, undefined, { deflate: true }), { size: { ...SIZE_LIMITS, maxMarkup: 40_000 } }));
    expect(e.code).toBe('too-large');
    expect(e.size).toMatchObject({ measure: 'markup', limit: 40_000 });
  });

  it('stops a styled paragraph repeated into tens of megabytes of markup at once, under the default limits', async () => {
    const styled = `<w:p><w:pPr><w:pStyle w:val="Normal"/><w:spacing w:after="0"/></w:pPr><w:r><w:rPr><w:b/><w:i/><w:color w:val="FF0000"/><w:sz w:val="24"/></w:rPr><w:t>Ouch.</w:t></w:r><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr></w:r></w:p>`;
    const bytes = await makeDocx(styled.repeat(100_000), undefined, { deflate: true }); // ~24 MB of markup, 500,000 characters
    const e = await refusal(importBytes(bytes));
    expect(e.code).toBe('too-large');
    expect(e.size).toMatchObject({ measure: 'markup', limit: SIZE_LIMITS.maxMarkup });
    // the same paragraph a few hundred times is an ordinary (if odd) document
    expect((await importBytes(await makeDocx(styled.repeat(300)))).document.blocks).toHaveLength(300);
  }, 120_000);

  it('stops a PDF whose pages hold more text than allowed', async () => {
    const bytes = fs.readFileSync(path.join(DEV, 'd01.pdf'));
    const e = await refusal(importBytes(bytes, { size: { ...SIZE_LIMITS, maxChars: 500 } }));
    expect(e.code).toBe('too-large');
    expect(e.size).toMatchObject({ measure: 'characters', limit: 500 });
    // the same file within the limits reads as before
    expect((await importBytes(bytes)).document.text.length).toBeGreaterThan(500);
  });

  it('stops a text file over the character limit and one of too many paragraphs', async () => {
    const long = Buffer.from('word '.repeat(1000));
    expect((await refusal(importBytes(long, { size: { ...SIZE_LIMITS, maxChars: 4000 } }))).size?.measure).toBe('characters');
    const many = Buffer.from('One line.\n\n'.repeat(300));
    expect((await refusal(importBytes(many, { size: { ...SIZE_LIMITS, maxBlocks: 200 } }))).size).toMatchObject({ measure: 'blocks', reached: 300, limit: 200 });
    expect((await importBytes(many)).document.blocks).toHaveLength(300);
  });
});
