/**
 * Mutation families for plain-text drafts: other encodings (UTF-16 with and without a byte order mark,
 * windows-1252), invalid UTF-8, NULs, a BOM in mid-text, one very long line and a great many blank lines.
 */
import type { Rng } from './prng.js';
import type { Mutation } from './mutate-docx.js';

const KB = 1024;

/** Byte strings inserted at random places, in order of position. */
function insertAt(bytes: Uint8Array, inserts: { at: number; seq: Uint8Array }[]): Uint8Array {
  const pieces: Uint8Array[] = [];
  let pos = 0;
  for (const { at, seq } of [...inserts].sort((a, b) => a.at - b.at)) {
    pieces.push(bytes.subarray(pos, at), seq);
    pos = at;
  }
  pieces.push(bytes.subarray(pos));
  return new Uint8Array(Buffer.concat(pieces));
}

/** A position between UTF-8 characters. */
function boundary(bytes: Uint8Array, rng: Rng): number {
  let at = rng.int(bytes.length + 1);
  while (at < bytes.length && (bytes[at]! & 0xc0) === 0x80) at++;
  return at;
}

export function utf16(bytes: Uint8Array, rng: Rng): Mutation {
  const text = Buffer.from(bytes).toString('utf8');
  const le = Buffer.from(text, 'utf16le');
  const big = rng.chance(0.5);
  const body = big ? Buffer.from(le).swap16() : le;
  const bom = rng.chance(0.6);
  const mark = bom ? Buffer.from(big ? [0xfe, 0xff] : [0xff, 0xfe]) : Buffer.alloc(0);
  return { bytes: new Uint8Array(Buffer.concat([mark, body])), detail: `UTF-16 ${big ? 'BE' : 'LE'} ${bom ? 'with' : 'without'} BOM` };
}

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function toWindows1252(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const high = CP1252_HIGH.indexOf(ch);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out.push(c);
    else if (high >= 0) out.push(0x80 + high);
    else out.push(0x3f);
  }
  return Uint8Array.from(out);
}

export function windows1252(bytes: Uint8Array, rng: Rng): Mutation {
  let text = Buffer.from(bytes).toString('utf8');
  // make sure there is something only windows-1252 spells this way: curly quotes, a pound sign, accents
  const extras = ['’', '“', '”', '£', 'é', '–', '…', 'ñ', '€'];
  let n = 0;
  text = text.replace(/ /g, (sp) => (rng.chance(0.03) ? (n++, ` ${rng.pick(extras)} `) : sp));
  return { bytes: toWindows1252(text), detail: `windows-1252 with ${n} typographic characters added` };
}

const INVALID: readonly (readonly number[])[] = [[0x80], [0xbf], [0xc0, 0xaf], [0xc1, 0xbf], [0xc3, 0x28], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe], [0xff], [0xe2, 0x82]];

export function invalidUtf8(bytes: Uint8Array, rng: Rng): Mutation {
  const n = rng.pick([1, 3, 20, 200]);
  const inserts = Array.from({ length: n }, () => ({ at: boundary(bytes, rng), seq: Uint8Array.from(rng.pick(INVALID)) }));
  if (rng.chance(0.2)) inserts.push({ at: bytes.length, seq: Uint8Array.from([0xe2, 0x80]) });
  return { bytes: insertAt(bytes, inserts), detail: `${inserts.length} invalid UTF-8 sequences` };
}

export function nuls(bytes: Uint8Array, rng: Rng): Mutation {
  const way = rng.int(3);
  if (way === 2) {
    // every other byte a NUL, as UTF-16 without its mark would look
    const out = new Uint8Array(bytes.length * 2);
    bytes.forEach((b, k) => (out[2 * k] = b));
    return { bytes: out, detail: 'a NUL after every byte' };
  }
  const n = way === 0 ? rng.range(1, 3) : rng.range(Math.ceil(bytes.length / 50), Math.ceil(bytes.length / 5));
  const inserts = Array.from({ length: n }, () => ({ at: boundary(bytes, rng), seq: Uint8Array.of(0) }));
  return { bytes: insertAt(bytes, inserts), detail: `${n} NULs` };
}

export function midTextBom(bytes: Uint8Array, rng: Rng): Mutation {
  const n = rng.range(1, 12);
  const marks = [Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xfe, 0xff)];
  const inserts = Array.from({ length: n }, () => ({ at: boundary(bytes, rng), seq: rng.chance(0.7) ? marks[0]! : rng.pick(marks) }));
  if (rng.chance(0.3)) inserts.push({ at: 0, seq: marks[0]! });
  return { bytes: insertAt(bytes, inserts), detail: `${inserts.length} byte order marks inside the text` };
}

export function longLine(bytes: Uint8Array, rng: Rng): Mutation {
  const text = Buffer.from(bytes).toString('utf8');
  const target = rng.pick([32 * KB, 128 * KB, 256 * KB]);
  if (rng.chance(0.3)) {
    // one word with no space in it
    const word = rng.pick(['a', 'x', 'é', '—', '0']).repeat(Math.floor(target / 2));
    const at = boundary(bytes, rng);
    return { bytes: new Uint8Array(Buffer.concat([bytes.subarray(0, at), Buffer.from(word), bytes.subarray(at)])), detail: `a word of ${word.length} characters` };
  }
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const line = flat.repeat(Math.max(1, Math.ceil(target / Math.max(1, flat.length))));
  return { bytes: new Uint8Array(Buffer.from(line)), detail: `one line of ${line.length} characters` };
}

export function blankLines(bytes: Uint8Array, rng: Rng): Mutation {
  const n = rng.pick([1_000, 10_000, 100_000]);
  const unit = rng.pick(['\n', '\r\n', '\r', ' \t\n', '\u2028', '\n\u00a0']);
  const places = rng.range(1, 5);
  const inserts = Array.from({ length: places }, () => ({ at: boundary(bytes, rng), seq: new Uint8Array(Buffer.from(unit.repeat(Math.ceil(n / places)))) }));
  return { bytes: insertAt(bytes, inserts), detail: `${n} blank lines (${JSON.stringify(unit)}) in ${places} places` };
}
