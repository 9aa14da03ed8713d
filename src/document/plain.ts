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

function classify(unit: string, start: number): Block {
  const lead = unit.length - unit.trimStart().length;
  const trimmed = unit.trim();
  const s = start + lead;
  const e = s + trimmed.length;
  const md = /^(#{1,6})\s+/.exec(trimmed);
  if (md) return { kind: 'heading', level: md[1]!.length, start: s, end: e };
  const bullet = BULLET.exec(trimmed);
  if (bullet) return { kind: 'list-item', start: s + bullet[0].length, end: e }; // the marker is not content
  const words = trimmed.length > 200 ? 99 : trimmed.split(/\s+/).length;
  // "Label: value" is a field of the form, not a heading: its value is content the checks read.
  const field = LABEL.test(trimmed) && trimmed.length > trimmed.indexOf(':') + 1;
  if (!field && !trimmed.includes('\n') && words <= 10 && !/[.!?:;,]["”’)]?$/.test(trimmed) && /^[\p{Lu}\d]/u.test(trimmed)) {
    return { kind: 'heading', level: 2, start: s, end: e };
  }
  return { kind: 'paragraph', start: s, end: e };
}
