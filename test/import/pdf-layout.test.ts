import { describe, expect, it } from 'vitest';
import { layoutToDocument, type PdfItem, type PdfPage } from '../../src/import/pdf-layout.js';

/** A page of lines: [text, y, size?, x?]; each line one item, body text 10.5 pt, line spacing 14 pt. */
function page(num: number, lines: [string, number, number?, number?][]): PdfPage {
  const items: PdfItem[] = [];
  for (const [s, y, h = 10.5, x = 57] of lines) items.push({ s, x, y, w: s.length * h * 0.5, h }, { s: '', x, y, w: 0, h: 0, eol: true });
  return { num, width: 595, height: 842, items };
}

describe('PDF layout', () => {
  it('joins wrapped lines into paragraphs, splits on larger gaps, finds headings by size', () => {
    const doc = layoutToDocument([
      page(1, [
        ['Account of exploitation', 760, 12.5],
        ['She said the man took her passport when', 740],
        ['she arrived in Leeds.', 726],
        ['A second paragraph starts here.', 700],
      ]),
    ]);
    expect(doc.text).toBe('Account of exploitation\n\nShe said the man took her passport when she arrived in Leeds.\n\nA second paragraph starts here.');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph']);
    expect(doc.blocks.every((b) => b.page === 1)).toBe(true);
  });

  it('undoes hyphenation at a line end', () => {
    const doc = layoutToDocument([page(1, [['He described the exploi-', 740], ['tation in detail.', 726]])]);
    expect(doc.text).toBe('He described the exploitation in detail.');
  });

  it('drops running headers, footers and page numbers, and keeps page numbers on blocks', () => {
    const doc = layoutToDocument([
      page(1, [['OFFICIAL – SENSITIVE', 820], ['First page text.', 700], ['Page 1 of 2', 30]]),
      page(2, [['OFFICIAL – SENSITIVE', 820], ['Second page text.', 700], ['Page 2 of 2', 30]]),
    ]);
    expect(doc.text).toBe('First page text.\n\nSecond page text.');
    expect(doc.blocks.map((b) => b.page)).toEqual([1, 2]);
  });

  it('makes a list item of each bulleted line and a "Label: value" row of a two-column table', () => {
    const bullet: PdfItem[] = [
      { s: '\uf0b7', x: 78, y: 700, w: 4, h: 10.5 },
      { s: ' ', x: 82, y: 700, w: 10, h: 0 },
      { s: 'Passport taken on arrival.', x: 92, y: 700, w: 150, h: 10.5, eol: true },
    ];
    const row: PdfItem[] = [
      { s: 'Name', x: 60, y: 660, w: 34, h: 10.5 },
      { s: ' ', x: 94, y: 660, w: 108, h: 0 },
      { s: 'Kumari P.', x: 203, y: 660, w: 50, h: 10.5, eol: true },
    ];
    const doc = layoutToDocument([{ num: 1, width: 595, height: 842, items: [...bullet, ...row] }]);
    expect(doc.text).toBe('Passport taken on arrival.\n\nName: Kumari P.');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['list-item', 'table-cell', 'table-cell']);
  });

  it('keeps a bulleted item whole when its text wraps under the text, not under the bullet', () => {
    const items: PdfItem[] = [
      { s: '\uf0b7', x: 78, y: 700, w: 4, h: 10.5 },
      { s: ' ', x: 82, y: 700, w: 10, h: 10.5 },
      { s: 'She has a phone the man gave her at the airport. She does not have', x: 92, y: 700, w: 460, h: 10.5 },
      { s: '', x: 92, y: 686, w: 0, h: 0, eol: true },
      { s: 'a bank account.', x: 92, y: 686, w: 84, h: 10.5 },
      { s: '', x: 78, y: 672, w: 0, h: 0, eol: true },
      { s: '\uf0b7', x: 78, y: 672, w: 4, h: 10.5 },
      { s: ' ', x: 82, y: 672, w: 10, h: 10.5 },
      { s: 'She has not claimed asylum.', x: 92, y: 672, w: 150, h: 10.5, eol: true },
    ];
    const doc = layoutToDocument([{ num: 1, width: 595, height: 842, items }]);
    expect(doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end)])).toEqual([
      ['list-item', 'She has a phone the man gave her at the airport. She does not have a bank account.'],
      ['list-item', 'She has not claimed asylum.'],
    ]);
  });

  it('keeps a table row whose label sits lower than its value, and a row whose label ran into its value', () => {
    const items: PdfItem[] = [
      { s: 'Nationality', x: 60, y: 700, w: 50, h: 10.5 },
      { s: ' ', x: 110, y: 700, w: 90, h: 10.5 },
      { s: 'Nigerian', x: 203, y: 700, w: 44, h: 10.5, eol: true },
      // the label is vertically centred in a taller cell: its baseline is 6 pt below the value's
      { s: 'Travel', x: 60, y: 680, w: 37, h: 10.5 },
      { s: ' ', x: 97, y: 680, w: 105, h: 10.5 },
      { s: 'KLM flight from Amsterdam, arrived 09:40.', x: 203, y: 686, w: 200, h: 10.5, eol: true },
      // label and value in one run of text, in the label column
      { s: 'Date of encounter 16 April 2025', x: 60, y: 660, w: 160, h: 10.5, eol: true },
    ];
    const doc = layoutToDocument([{ num: 1, width: 595, height: 842, items }]);
    expect(doc.text).toBe('Nationality: Nigerian\nTravel: KLM flight from Amsterdam, arrived 09:40.\nDate of encounter: 16 April 2025');
  });

  it('splits a long label from its value at the value column, and keeps a centred label with the lines beside it', () => {
    // each row: its items as [text, x, y, width], then the end of its line
    const row = (...cells: [string, number, number, number][]): PdfItem[] => [...cells.map(([t, x, y, w]) => ({ s: t, x, y, w, h: 10.5 })), { s: '', x: cells[0]![1], y: cells[0]![2], w: 0, h: 0, eol: true }];
    const items: PdfItem[] = [
      ...row(['Name', 60, 760, 30], ['Ana P.', 203, 760, 30]),
      // a long label leaves less than two spaces before the value column
      ...row(['Referring organisation', 60, 740, 134], [' ', 194, 740, 9], ['Migrant workers advice project, Leeds', 203, 740, 200]),
      // a label centred beside three lines of its value, the first of them higher up
      ...row(['How encountered', 60, 706, 90]),
      ...row(['She came to our office on 3 May with a', 203, 718, 300]),
      ...row(['neighbour who had heard shouting and', 203, 706, 300]),
      ...row(['gave her a bus fare.', 203, 694, 120]),
      ...row(['Control and threats', 60, 670, 110]),
      ...row(['She was slapped when she asked for pay.', 203, 676, 250]),
    ];
    const doc = layoutToDocument([{ num: 1, width: 595, height: 842, items }]);
    expect(doc.text).toBe(
      'Name: Ana P.\nReferring organisation: Migrant workers advice project, Leeds\nHow encountered: She came to our office on 3 May with a neighbour who had heard shouting and gave her a bus fare.\nControl and threats: She was slapped when she asked for pay.',
    );
  });
});
