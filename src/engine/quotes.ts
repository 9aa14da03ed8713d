/**
 * Quoted spans in a text: straight and curly double quotes, and curly or straight single quotes used as
 * quotation marks (not apostrophes). Each span includes its quote marks.
 */
export interface QuoteSpan {
  start: number;
  end: number;
  /** The words inside, without the marks. */
  inner: string;
}

export function findQuotes(text: string, from = 0, to = text.length): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // Where a search for a kind of closing mark found none, up to where it looked: a later opening mark of that
  // kind inside the same stretch finds none either (without this, text full of unclosed marks is quadratic).
  const noClose = new Map<string, { from: number; until: number }>();
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    const close = closerFor(text, i, from);
    if (close) {
      const kind = close + ch;
      const known = noClose.get(kind);
      const j = known && known.from <= i && i < known.until ? -1 : findClose(text, i + 1, to, close, ch);
      if (j >= 0) {
        out.push({ start: i, end: j + 1, inner: text.slice(i + 1, j) });
        i = j + 1;
        continue;
      }
      if (!known || i >= known.until) noClose.set(kind, { from: i, until: -j - 1 });
    }
    i++;
  }
  return out;
}

function closerFor(text: string, i: number, from: number): string | null {
  const ch = text[i];
  const before = i > from ? text[i - 1]! : ' ';
  const after = text[i + 1] ?? '';
  if (ch === '“') return '”';
  if (ch === '"') return /[\s([{—–-]|^$/.test(before) || i === from ? '"' : null;
  if (ch === '‘' && /[\s([{—–-]/.test(before + '') && /\S/.test(after)) return '’';
  if (ch === "'" && /[\s([{—–-]/.test(before) && /\p{L}/u.test(after)) return "'";
  if (ch === '‘' && i === from) return '’';
  return null;
}

/** The offset of the closing mark; when there is none, -1 - the offset where the search stopped. */
function findClose(text: string, from: number, to: number, close: string, open: string): number {
  for (let j = from; j < to; j++) {
    const c = text[j]!;
    if (c === '\n' && text[j + 1] === '\n') return -1 - j;
    if (close === '"' && c === '"') return j;
    if (c === '”' && (close === '”' || open === '"')) return j;
    if ((close === '’' || close === "'") && (c === '’' || c === "'")) {
      const after = text[j + 1] ?? '';
      if (!/\p{L}/u.test(after)) return j;
    }
  }
  return -1 - to;
}

export function insideAny(spans: QuoteSpan[], start: number, end: number): QuoteSpan | undefined {
  return spans.find((q) => q.start <= start && end <= q.end);
}
