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
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    const close = closerFor(text, i, from);
    if (close) {
      const j = findClose(text, i + 1, to, close, ch);
      if (j > 0) {
        out.push({ start: i, end: j + 1, inner: text.slice(i + 1, j) });
        i = j + 1;
        continue;
      }
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

function findClose(text: string, from: number, to: number, close: string, open: string): number {
  for (let j = from; j < to; j++) {
    const c = text[j]!;
    if (c === '\n' && text[j + 1] === '\n') return -1;
    if (close === '"' && c === '"') return j;
    if (c === '”' && (close === '”' || open === '"')) return j;
    if ((close === '’' || close === "'") && (c === '’' || c === "'")) {
      const after = text[j + 1] ?? '';
      if (!/\p{L}/u.test(after)) return j;
    }
  }
  return -1;
}

export function insideAny(spans: QuoteSpan[], start: number, end: number): QuoteSpan | undefined {
  return spans.find((q) => q.start <= start && end <= q.end);
}
