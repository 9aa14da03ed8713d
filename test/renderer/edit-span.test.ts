import { describe, expect, it } from 'vitest';
import { editSpan } from '../../renderer/src/edit-span.js';

/** The edit as a loop over characters finds it: the answer the quick comparison must give. */
function byCharacter(before: string, now: string) {
  const n = Math.min(before.length, now.length);
  let head = 0;
  while (head < n && before[head] === now[head]) head++;
  let tail = 0;
  while (tail < n - head && before[before.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  return { head, end: before.length - tail, shift: now.length - before.length };
}

/** The same seeded sequence every run. */
function seeded(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe('what one edit of a long draft changed', () => {
  const random = seeded(7);
  // long runs of the same letters make the kept start and end ambiguous, and edits fall on every side of the
  // blocks the comparison steps through
  const draft = Array.from({ length: 9000 }, (_, i) => (i % 997 === 0 ? 'aaaaaaaaaa ' : ['The worker met Marta. ', 'She was not paid. ', 'aaaa '][i % 3])).join('');

  it('is found exactly, wherever the draft is typed in, cut or pasted over', () => {
    for (let round = 0; round < 300; round++) {
      const at = Math.floor(random() * draft.length);
      const cut = round % 3 === 0 ? 0 : Math.floor(random() * (round % 5 === 0 ? 5000 : 12));
      const typed = ['', 'a', 'aaaa', 'Apparently ', 'x'.repeat(Math.floor(random() * 3000))][round % 5]!;
      const now = draft.slice(0, at) + typed + draft.slice(at + cut);
      const span = editSpan(draft, now);
      expect(span).toEqual(byCharacter(draft, now));
      // and putting the new middle in place of the old gives the new text
      expect(draft.slice(0, span.head) + now.slice(span.head, span.end + span.shift) + draft.slice(span.end)).toBe(now);
    }
  });

  it('is nothing for the same text, and the whole text for a text replaced', () => {
    expect(editSpan(draft, draft)).toEqual({ head: draft.length, end: draft.length, shift: 0 });
    expect(editSpan('The worker met Marta.', 'Quite different')).toEqual(byCharacter('The worker met Marta.', 'Quite different'));
    expect(editSpan('', draft)).toEqual({ head: 0, end: 0, shift: draft.length });
  });

  it('answers a second question about the same texts the same way, and a new question afresh', () => {
    const now = draft.replace('She was not paid.', 'She was never paid.');
    expect(editSpan(draft, now)).toEqual(byCharacter(draft, now));
    expect(editSpan(draft, now)).toEqual(byCharacter(draft, now));
    const other = draft + ' End.';
    expect(editSpan(draft, other)).toEqual(byCharacter(draft, other));
  });
});
