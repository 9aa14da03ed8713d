import type { Block, Document } from './model.js';
import { normalizeText } from './normalize.js';

const BULLET = /^\s*(?:[-*•‣◦▪]|\d{1,2}[.)])\s+/;
const LABEL = /^\s*[A-Z][A-Za-z’' /()-]{1,40}:\s/;

/**
 * Builds blocks from plain text or Markdown: paragraphs are separated by blank lines; a paragraph whose lines
 * are bullets or `Label: value` lines becomes one block per line; a short single line without closing
 * punctuation is a heading (Markdown `#` headings too).
 */
export function fromPlainText(raw: string): Document {
  const text = normalizeText(raw);
  const blocks: Block[] = [];
  const paraRe = /[^\n]+(?:\n(?![^\S\n]*\n)[^\n]*)*/g; // a blank line is looked at once, not rescanned
  for (const m of text.matchAll(paraRe)) {
    const start = m.index;
    const body = m[0];
    if (!body.trim()) continue;
    // (most paragraphs are one line: no lines to split)
    if (!body.includes('\n')) {
      blocks.push(classify(body, start));
      continue;
    }
    const lines = lineSpans(body, start);
    const perLine = lines.length > 1 && lines.every((l) => BULLET.test(l.text) || LABEL.test(l.text) || /^#{1,6}\s/.test(l.text));
    const units = perLine ? lines : [{ text: body, start }];
    for (const u of units) blocks.push(classify(u.text, u.start));
  }
  return { text, blocks };
}

function lineSpans(body: string, offset: number): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let pos = 0;
  for (const line of body.split('\n')) {
    if (line.trim()) out.push({ text: line, start: offset + pos });
    pos += line.length + 1;
  }
  return out;
}

/** Whether a UTF-16 code unit is white space as `trim` and `\s` see it. */
function isSpace(c: number): boolean {
  if (c > 32 && c < 127) return false;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a text ends with a sentence's or clause's punctuation, perhaps inside a closing quote or bracket. */
function endsPunctuated(text: string): boolean {
  const last = text.charAt(text.length - 1);
  const stop = STOPS.includes(last) ? last : '"”’)'.includes(last) ? text.charAt(text.length - 2) : '';
  return stop !== '' && STOPS.includes(stop);
}
const STOPS = '.!?:;,';

/** Whether a trimmed text has at most `n` words (runs of white space between them). */
function wordsAtMost(trimmed: string, n: number): boolean {
  let words = 1;
  for (let i = 0; i < trimmed.length; i++) {
    if (isSpace(trimmed.charCodeAt(i)) && !isSpace(trimmed.charCodeAt(i + 1)) && ++words > n) return false;
  }
  return true;
}

function classify(unit: string, start: number): Block {
  let lead = 0;
  while (lead < unit.length && isSpace(unit.charCodeAt(lead))) lead++;
  let end = unit.length;
  while (end > lead && isSpace(unit.charCodeAt(end - 1))) end--;
  const trimmed = lead === 0 && end === unit.length ? unit : unit.slice(lead, end);
  const s = start + lead;
  const e = s + trimmed.length;
  // (each pattern is tried only where the first character allows it)
  const first = trimmed.charCodeAt(0);
  const md = first === 35 ? /^(#{1,6})\s+/.exec(trimmed) : null;
  if (md) return { kind: 'heading', level: md[1]!.length, start: s, end: e };
  const bullet = first < 65 || first > 122 ? BULLET.exec(trimmed) : null;
  if (bullet) return { kind: 'list-item', start: s + bullet[0].length, end: e }; // the marker is not content
  // "Label: value" is a field of the form, not a heading: its value is content the checks read.
  const field = first >= 65 && first <= 90 && LABEL.test(trimmed) && trimmed.length > trimmed.indexOf(':') + 1;
  if (!field && trimmed.length <= 200 && !endsPunctuated(trimmed) && !trimmed.includes('\n') && wordsAtMost(trimmed, 10) && /^[\p{Lu}\d]/u.test(trimmed)) {
    return { kind: 'heading', level: 2, start: s, end: e };
  }
  return { kind: 'paragraph', start: s, end: e };
}
