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

/**
 * The most cells the alignment table may have (16 MB): past it, the changed middle is one replacement. A full
 * table for a long text replaced wholesale (a paste over the draft) would need gigabytes and minutes.
 */
const MAX_CELLS = 4_000_000;

/** Longest common subsequence alignment: pairs of indexes that match. */
function lcs(a: Piece[], b: Piece[]): [number, number][] {
  // the common start and end first: most edits touch a small part of a long text
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre]!.text === b[pre]!.text) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf]!.text === b[b.length - 1 - suf]!.text) suf++;
  const out: [number, number][] = [];
  for (let k = 0; k < pre; k++) out.push([k, k]);
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n > 0 && m > 0 && n * m <= MAX_CELLS) {
    const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    const same = (i: number, j: number) => a[pre + i]!.text === b[pre + j]!.text;
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i]![j] = same(i, j) ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (same(i, j)) out.push([pre + i++, pre + j++]);
      else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
      else j++;
    }
  }
  for (let k = suf; k > 0; k--) out.push([a.length - k, b.length - k]);
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
