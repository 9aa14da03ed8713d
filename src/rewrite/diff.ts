/**
 * The edits that turn one text into another, as offsets into the first: lines are aligned first, then words
 * within changed lines, so a long draft with a few changes diffs quickly. Used to export the user's changes
 * (accepted suggestions and their own typing) as tracked changes.
 */
import type { Edit } from './apply.js';

interface Piece {
  text: string;
  start: number;
}

function pieces(text: string, re: RegExp): Piece[] {
  return [...text.matchAll(re)].map((m) => ({ text: m[0], start: m.index }));
}

/** Longest common subsequence alignment: pairs of indexes that match. */
function lcs(a: Piece[], b: Piece[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i]![j] = a[i]!.text === b[j]!.text ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.text === b[j]!.text) out.push([i++, j++]);
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

function diffPieces(a: string, b: string, aPieces: Piece[], bPieces: Piece[], aBase: number, inner?: (x: string, y: string, base: number) => Edit[]): Edit[] {
  const pairs = lcs(aPieces, bPieces);
  const edits: Edit[] = [];
  let ai = 0;
  let bi = 0;
  const gap = (aEnd: number, bEnd: number) => {
    const aStart = ai < aPieces.length ? aPieces[ai]!.start : a.length;
    const aStop = aEnd < aPieces.length ? aPieces[aEnd]!.start : a.length;
    const bStart = bi < bPieces.length ? bPieces[bi]!.start : b.length;
    const bStop = bEnd < bPieces.length ? bPieces[bEnd]!.start : b.length;
    if (aStart === aStop && bStart === bStop) return;
    const from = a.slice(aStart, aStop);
    const to = b.slice(bStart, bStop);
    if (inner && from && to) edits.push(...inner(from, to, aBase + aStart));
    else edits.push({ start: aBase + aStart, end: aBase + aStop, replacement: to });
  };
  for (const [i, j] of pairs) {
    gap(i, j);
    ai = i + 1;
    bi = j + 1;
  }
  gap(aPieces.length, bPieces.length);
  return edits;
}

export function diffEdits(a: string, b: string): Edit[] {
  if (a === b) return [];
  const words = (x: string, y: string, base: number) => diffPieces(x, y, pieces(x, /\s+|[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]/gu), pieces(y, /\s+|[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]/gu), base);
  return diffPieces(a, b, pieces(a, /[^\n]*\n|[^\n]+$/g), pieces(b, /[^\n]*\n|[^\n]+$/g), 0, words).filter((e) => e.end > e.start || e.replacement);
}
