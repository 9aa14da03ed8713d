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
