/**
 * Decisions that can be taken back: what undo and redo restore (the text and every decision together, so
 * Ctrl+Z undoes a dismissal as it undoes an edit), and where each accepted suggestion's words are in the text
 * now, so one accepted suggestion can be undone from the Resolved list, and marked for a moment, even after
 * later edits elsewhere.
 */
import type { Finding } from '../../src/api/contract.js';
import { editSpan } from './edit-span.js';

/** A change to the text: `[start, end)` of the old text became `[newStart, newEnd)` of the new. */
export interface Change {
  start: number;
  end: number;
  newStart: number;
  newEnd: number;
}

/** An accepted suggestion; `at`: where its words are now and the words they replaced, until an edit touches them. */
export interface Accepted {
  finding: Finding;
  suggestion: string;
  at?: { start: number; end: number; was: string };
}

/** The one change between two texts: their common start and end kept, the middle replaced. */
export function changeBetween(before: string, after: string): Change {
  const { head, end, shift } = editSpan(before, after);
  return { start: head, end, newStart: head, newEnd: end + shift };
}

/** Where a range of the old text is after the changes (sorted, not overlapping); none when one touched it. */
function moved(at: { start: number; end: number }, changes: readonly Change[]): { start: number; end: number } | null {
  let shift = 0;
  for (const c of changes) {
    if (c.end <= at.start) shift = c.newEnd - c.end;
    else if (c.start >= at.end) break;
    else return null;
  }
  return { start: at.start + shift, end: at.end + shift };
}

/**
 * The accepted list after a change of the text from `before` to `after`: earlier entries follow the change
 * (or lose their place when it touched them); `added` are the suggestions this change applied, placed by
 * `changes` (from applySuggestions) where given.
 */
export function trackAccepted(list: readonly Accepted[], before: string, after: string, added: readonly { finding: Finding; suggestion: string }[] = [], changes?: readonly Change[]): Accepted[] {
  if (!list.length && !added.length) return [];
  const cs = changes?.length ? [...changes].sort((a, b) => a.start - b.start) : [changeBetween(before, after)];
  const kept = list.map((a) => {
    if (!a.at) return a;
    const to = moved(a.at, cs);
    return to ? { ...a, at: { ...a.at, ...to } } : { finding: a.finding, suggestion: a.suggestion };
  });
  const placed = added.map((x) => {
    const c = changes?.find((k) => k.start <= x.finding.start && x.finding.end <= k.end);
    return c ? { ...x, at: { start: c.newStart, end: c.newEnd, was: before.slice(c.start, c.end) } } : { ...x };
  });
  return [...kept, ...placed];
}

/** The text with one accepted suggestion taken back, or null when its words have changed since. */
export function withoutAccepted(text: string, a: Accepted): string | null {
  if (!a.at || a.at.end > text.length) return null;
  return text.slice(0, a.at.start) + a.at.was + text.slice(a.at.end);
}
