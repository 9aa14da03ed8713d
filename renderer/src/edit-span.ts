/**
 * Where two texts differ, as one edit: the common start and end kept, `before.slice(head, end)` replaced by
 * `now.slice(head, end + shift)`. What an edit in the draft did, for placing findings, blocks and the editor's
 * text on the text as it is now.
 */
export function editSpan(before: string, now: string): { head: number; end: number; shift: number } {
  const n = Math.min(before.length, now.length);
  let head = 0;
  while (head < n && before.charCodeAt(head) === now.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < n - head && before.charCodeAt(before.length - 1 - tail) === now.charCodeAt(now.length - 1 - tail)) tail++;
  return { head, end: before.length - tail, shift: now.length - before.length };
}
