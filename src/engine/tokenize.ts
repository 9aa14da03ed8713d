/** Word and punctuation tokens with offsets; sentences within a block. Pure and fast (one regex pass). */

export interface Token {
  /** Lower-cased, with curly apostrophes made straight: what patterns compare against. */
  norm: string;
  /** As written. */
  text: string;
  start: number;
  end: number;
  isWord: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

const TOKEN = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = offset;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null && m.index < end) {
    const t = m[0];
    const last = m.index + t.length;
    if (last > end) break;
    const isWord = /[\p{L}\p{N}]/u.test(t[0]!);
    out.push({ norm: isWord ? t.toLowerCase().replace(/’/g, "'") : t, text: t, start: m.index, end: last, isWord });
  }
  return out;
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'no', 'nos', 'vs', 'etc', 'e.g', 'i.e', 'approx', 'prof', 'sgt', 'pc', 'dc', 'ds', 'insp', 'supt', 'ref', 'tel', 'fig', 'para', 'cf', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

/** Splits the tokens of one block into sentences. */
export function splitSentences(tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text !== '.' && t.text !== '!' && t.text !== '?') continue;
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(tokens[j]!.text) && tokens[j]!.start === tokens[j - 1]!.end) j++;
    const next = tokens[j];
    if (next && !startsSentence(next)) continue;
    if (t.text === '.' && i > 0) {
      const prev = tokens[i - 1]!;
      if (prev.end === t.start && (ABBREVIATIONS.has(prev.norm) || (prev.text.length === 1 && /\p{Lu}/u.test(prev.text)))) continue;
    }
    out.push(make(tokens, from, j));
    from = j;
    i = j - 1;
  }
  if (from < tokens.length) out.push(make(tokens, from, tokens.length));
  return out;
}

function startsSentence(t: Token): boolean {
  return /^[\p{Lu}\p{N}"“‘'(£$€-]/u.test(t.text);
}

function make(tokens: Token[], a: number, b: number): Sentence {
  const slice = tokens.slice(a, b);
  return { start: slice[0]!.start, end: slice[slice.length - 1]!.end, tokens: slice };
}

/** The first index in `items` (sorted by start) whose start is at least `offset` (`items.length`: none). */
export function firstAtOrAfter(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence that holds `offset`, found by halving (blocks can hold thousands of sentences). */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  const k = firstAtOrAfter(sentences, offset + 1) - 1;
  const s = sentences[k];
  return s && s.start <= offset && offset < s.end ? s : undefined;
}
