import { describe, expect, it } from 'vitest';
import { fromPlainText } from '../../src/document/plain.js';

/** Each block as its kind and its text. */
function blocks(raw: string): [string, string][] {
  const doc = fromPlainText(raw);
  return doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end)]);
}

describe('plain text into blocks', () => {
  it('makes a paragraph of each run of lines, a heading of a short unpunctuated line, and an item of each bullet', () => {
    expect(blocks('Account of exploitation\n\nShe worked long hours.\nShe was not paid.\n\n- passport held\n- debt of £900\n\n## Plans')).toEqual([
      ['heading', 'Account of exploitation'],
      ['paragraph', 'She worked long hours.\nShe was not paid.'],
      ['list-item', 'passport held'],
      ['list-item', 'debt of £900'],
      ['heading', '## Plans'],
    ]);
  });

  it('reads "Label: value" lines as fields, one block a line, never as headings', () => {
    expect(blocks('Name: Ana Popa\nAge: 19\n\nNationality: Romanian')).toEqual([
      ['paragraph', 'Name: Ana Popa'],
      ['paragraph', 'Age: 19'],
      ['paragraph', 'Nationality: Romanian'],
    ]);
  });

  it('leaves out the white space around a block, whatever space it is', () => {
    for (const space of [' ', '\t', '\u00a0', '\u2003', '\u3000', '\u202f']) {
      expect(blocks(`${space}${space}She was found at the farm.${space}\n\n${space}Safeguarding${space}`), JSON.stringify(space)).toEqual([
        ['paragraph', 'She was found at the farm.'],
        ['heading', 'Safeguarding'],
      ]);
    }
  });

  it('keeps a long line as a paragraph however it ends', () => {
    const long = 'Tomas describes the work '.repeat(12).trim();
    expect(blocks(long)).toEqual([['paragraph', long]]);
  });

  it('gives Windows line ends, stray control characters and decomposed accents the same text as a clean draft', () => {
    const clean = fromPlainText('Elena met José in Brașov.\n\nShe said he kept her passport.');
    const messy = fromPlainText('Elena met Jose\u0301 in Bras\u0326ov.\u200b\r\n\r\nShe said he kept\u0007 her passport.\ufeff');
    expect(messy).toEqual(clean);
  });

  it('gives no blocks for an empty or blank draft', () => {
    expect(blocks('')).toEqual([]);
    expect(blocks(' \n\n\t\n')).toEqual([]);
  });
});
