/**
 * A finding in its sentence, for the quality report: the sentence around the flagged words as runs, the flagged
 * words as the marked run, so a supervisor sees what was written without opening the draft. Sentences are the
 * engine's (splitSentences over the finding's block); a "sentence" with no full stop (a bulleted block) is cut
 * to a window of words each side. For an accepted finding the words are gone from the text, so they are looked
 * for in the text as it was read (or put back into the sentence that now holds the rewrite).
 */
import type { Document } from '../document/model.js';
import { sentenceAt, splitSentences, tokenize, type Token } from '../engine/tokenize.js';

/** A piece of a finding's sentence; the flagged words are the run marked. */
export interface Run {
  text: string;
  marked?: boolean;
}

/** Words kept each side of the flagged words when a sentence is longer than that. */
export const WINDOW_WORDS = 40;

const flat = (s: string) => s.replace(/\s+/g, ' ');

/** The span `[start, end)` of the block (or, between blocks, the line) that holds `at`. */
function blockAround(doc: Document, at: number): { start: number; end: number } {
  const b = doc.blocks.find((x) => x.start <= at && at < x.end);
  if (b) return b;
  const nl = doc.text.indexOf('\n', at);
  return { start: doc.text.lastIndexOf('\n', at - 1) + 1, end: nl < 0 ? doc.text.length : nl };
}

/** The start of the `n`th word before `at` (counting back over `tokens`), or undefined when there are fewer. */
function wordsBack(tokens: readonly Token[], at: number, n: number): number | undefined {
  let seen = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.end > at || !t.isWord) continue;
    if (++seen === n) return t.start;
  }
  return undefined;
}

/** The end of the `n`th word after `at`, or undefined when there are fewer. */
function wordsOn(tokens: readonly Token[], at: number, n: number): number | undefined {
  let seen = 0;
  for (const t of tokens) {
    if (t.start < at || !t.isWord) continue;
    if (++seen === n) return t.end;
  }
  return undefined;
}

/** The sentence of `doc` that holds the words `[start, end)`, as runs with those words marked. */
export function sentenceRuns(doc: Document, start: number, end: number): Run[] {
  const block = blockAround(doc, start);
  const sentences = splitSentences(tokenize(doc.text, block.start, Math.max(block.end, end)));
  const first = sentenceAt(sentences, start);
  const last = sentenceAt(sentences, Math.max(start, end - 1));
  let from = Math.min(first?.start ?? start, start);
  let to = Math.max(last?.end ?? end, end);
  const tokens = sentences.filter((s) => s.end > from && s.start < to).flatMap((s) => s.tokens);
  const before = wordsBack(tokens, start, WINDOW_WORDS + 1);
  const after = wordsOn(tokens, end, WINDOW_WORDS + 1);
  const cutBefore = before !== undefined;
  const cutAfter = after !== undefined;
  if (cutBefore) from = tokens.find((t) => t.start > before && t.isWord)!.start;
  if (cutAfter) to = [...tokens].reverse().find((t) => t.end < after && t.isWord)!.end;
  const runs: Run[] = [
    { text: `${cutBefore ? '… ' : ''}${flat(doc.text.slice(from, start))}` },
    { text: flat(doc.text.slice(start, end)), marked: true },
    { text: `${flat(doc.text.slice(end, to))}${cutAfter ? ' …' : ''}` },
  ];
  return runs.filter((r) => r.text !== '');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `words` stand in `text` as whole words: at `near` (exact), or the place nearest it (undefined: nowhere). */
function place(text: string, words: string, near: number, exact: boolean): number | undefined {
  if (!words) return undefined;
  if (text.slice(near, near + words.length) === words) return near;
  if (exact) return undefined;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(words)}(?![\\p{L}\\p{N}])`, 'gu');
  let best: number | undefined;
  for (const m of text.matchAll(re)) if (best === undefined || Math.abs(m.index - near) < Math.abs(best - near)) best = m.index;
  return best;
}

/**
 * The sentence of an accepted finding as it was written, before the rewrite. Looked for, in this order: at the
 * finding's place in the document as it was read; the rewrite at the finding's place in the text now (the
 * flagged words put back); then the nearest place with the same words in each (earlier edits move text). When
 * none is found (the words were deleted from a draft typed in), the flagged words alone.
 */
export function acceptedRuns(finding: { start: number; end: number; excerpt: string }, suggestion: string, original: Document | null, now: Document): Run[] {
  const inOriginal = (at: number) => sentenceRuns(original!, at, at + finding.excerpt.length);
  const inNow = (at: number) => sentenceRuns(now, at, at + suggestion.length).map((r) => (r.marked ? { text: flat(finding.excerpt), marked: true } : r));
  for (const exact of [true, false]) {
    const was = original ? place(original.text, finding.excerpt, finding.start, exact) : undefined;
    if (was !== undefined) return inOriginal(was);
    const is = place(now.text, suggestion, finding.start, exact);
    if (is !== undefined) return inNow(is);
  }
  return [{ text: flat(finding.excerpt), marked: true }];
}
