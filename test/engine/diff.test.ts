import { describe, expect, it } from 'vitest';
import { applySuggestions } from '../../src/index.js';
import { diffEdits } from '../../src/rewrite/diff.js';

describe('diffEdits', () => {
  it.each([
    ['She claims that he hit her.\n\nHe is 16.', 'She states that he hit her.\n\nHe is 16.'],
    ['Line one.\nLine two.\nLine three.', 'Line one.\nA new line.\nLine two.\nLine three, changed.'],
    ['Apparently, he slept in the van.', 'He slept in the van.'],
    ['', 'New text.'],
    ['Old text.', ''],
  ])('turns %j into %j with small edits', (a, b) => {
    expect(applySuggestions(a, diffEdits(a, b), { literal: true }).text).toBe(b);
  });

  it('keeps a one-word change to one word', () => {
    expect(diffEdits('She claims that he hit her.', 'She states that he hit her.')).toEqual([{ start: 4, end: 10, replacement: 'states' }]);
  });
});

describe('diffEdits on a long text replaced wholesale', () => {
  it('gives edits that turn one into the other without a table of every line against every line', () => {
    const a = Array.from({ length: 30_000 }, (_, i) => `Line ${i} of the first draft, about the journey.`).join('\n');
    const b = Array.from({ length: 30_000 }, (_, i) => `Row ${i} pasted over it, about something else.`).join('\n');
    const edits = diffEdits(a, b);
    expect(applySuggestions(a, edits, { literal: true }).text).toBe(b);
    // a small change at one end of the same long text stays small
    const small = diffEdits(a, a.replace('Line 29999 of', 'Line 29999, the last, of'));
    expect(small).toHaveLength(1);
    expect(small[0]!.replacement).toBe(', the last,');
  });
});
