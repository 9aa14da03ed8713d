import { describe, expect, it } from 'vitest';
import { bodyOf, unchanging } from '../../renderer/src/json-body.js';

describe('request bodies with the document as opened written once', () => {
  const original = unchanging({ text: 'Ana (15) said “he took my passport”.\n\nShe was moved £20 ', blocks: [{ kind: 'paragraph', start: 0, end: 36 }] });

  it('is the same JSON as JSON.stringify, however often it is sent and wherever it sits', () => {
    const inputs = [
      { draft: { name: 'a.txt', original, text: original.text + ' more', accepted: [], dismissed: [] } },
      { draft: { name: 'a.txt', original, text: 'changed', accepted: [{ finding: { excerpt: 'x' }, suggestion: '' }], dismissed: [] } },
      { list: [original, { nested: original }], n: 3 },
      { draft: { name: 'b.txt', original: null, text: 'no original' } },
    ];
    for (const input of inputs) {
      expect(bodyOf(input)).toBe(JSON.stringify(input));
      expect(bodyOf(input)).toBe(JSON.stringify(input)); // (the second time from what was kept)
    }
  });

  it('leaves text that looks like its placeholder alone', () => {
    const text = ['\u0000nrm-0-0-0', '"\u0000nrm-x-1-0"', '\\u0000nrm-', '\u00000'].join(' ');
    const input = { draft: { original, text, name: text } };
    expect(JSON.parse(bodyOf(input))).toEqual(input);
    expect(bodyOf(input)).toBe(JSON.stringify(input));
  });

  it('sends an object marked unchanging as first written, wherever it appears later', () => {
    const first = bodyOf({ original });
    expect(first).toContain('he took my passport');
    expect(bodyOf({ again: original })).toBe(`{"again":${JSON.stringify(original)}}`);
  });
});
