/**
 * Where two texts differ, as one edit: the common start and end kept, `before.slice(head, end)` replaced by
 * `now.slice(head, end + shift)`. What an edit in the draft did, for placing findings, blocks, accepted
 * suggestions and the editor's text on the text as it is now.
 *
 * A keystroke in a 30,000-word draft asks this several times of the same two texts, so the last answer is
 * kept, and the common ends are compared a block of characters at a time (the engine compares equal strings
 * natively, many times faster than a loop over characters).
 */
export interface EditSpan {
  head: number;
  end: number;
  shift: number;
}

const BLOCK = 1024;
let last: { before: string; now: string; span: EditSpan } | null = null;

export function editSpan(before: string, now: string): EditSpan {
  if (last && last.before === before && last.now === now) return last.span;
  const n = Math.min(before.length, now.length);
  let head = 0;
  while (head + BLOCK <= n && before.slice(head, head + BLOCK) === now.slice(head, head + BLOCK)) head += BLOCK;
  while (head < n && before.charCodeAt(head) === now.charCodeAt(head)) head++;
  let tail = 0;
  const b = before.length;
  const w = now.length;
  while (tail + BLOCK <= n - head && before.slice(b - tail - BLOCK, b - tail) === now.slice(w - tail - BLOCK, w - tail)) tail += BLOCK;
  while (tail < n - head && before.charCodeAt(b - 1 - tail) === now.charCodeAt(w - 1 - tail)) tail++;
  const span = { head, end: b - tail, shift: w - b };
  last = { before, now, span };
  return span;
}
