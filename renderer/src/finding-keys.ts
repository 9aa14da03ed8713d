/**
 * Each finding's identity in the check view, kept through edits elsewhere in the draft. The core matches a
 * dismissal by the finding's rule and words (src/draft/draft.ts); the identity adds the paragraph the finding
 * is in and which of the same rule and words in that paragraph it is. Offsets are not part of it: typing near
 * the start of a long draft moves every offset after it, and a card keyed by offset would be drawn again from
 * nothing. With these keys only the edited paragraph's findings are new.
 */
import type { Finding } from '../../src/api/contract.js';
import { editSpan } from './edit-span.js';

/** A short, fast hash of a string (53 bits, base 36): part of a key, not a secret. */
export function hashOf(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The keys of `findings` (in the same order) in `text`, the text they were found in: rule, words and paragraph
 * (the line the finding starts in), and an occurrence number among equal ones. Free of spaces, so a key can
 * also name an element (`hl-<key>`).
 */
export function findingKeys(text: string, findings: readonly Finding[]): string[] {
  const lines = new Map<number, string>();
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const from = text.lastIndexOf('\n', f.start - 1) + 1;
    let line = lines.get(from);
    if (line === undefined) {
      const nl = text.indexOf('\n', f.start);
      line = hashOf(text.slice(from, nl < 0 ? text.length : nl));
      lines.set(from, line);
    }
    const base = `${f.rule.replace(/\s/g, '_')}~${hashOf(f.excerpt)}~${line}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}~${n}`;
  });
}

/**
 * The findings of `before` placed on the text as it is `now` (typed in since the last check): those before
 * the edit stay, those after it move with it, those the edit touched are left out until the next check.
 * Returns the same arrays when the text is unchanged.
 */
export function placeOn(before: string, now: string, findings: readonly Finding[], keys: readonly string[]): { findings: readonly Finding[]; keys: readonly string[] } {
  if (before === now) return { findings, keys };
  const { head, end, shift } = editSpan(before, now);
  const placed: { findings: Finding[]; keys: string[] } = { findings: [], keys: [] };
  findings.forEach((f, i) => {
    const moved = f.end <= head ? f : f.start >= end ? { ...f, start: f.start + shift, end: f.end + shift } : null;
    if (moved) {
      placed.findings.push(moved);
      placed.keys.push(keys[i]!);
    }
  });
  return placed;
}
