/**
 * Mutation families for PDFs, done on the file's bytes read as Latin-1 (one character per byte, so nothing is
 * lost): cross-reference offsets, truncation, stream lengths and filters, deleted objects, deep nesting and a
 * page count no reader should believe.
 */
import type { Rng } from './prng.js';
import type { Mutation } from './mutate-docx.js';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

function matches(s: string, re: RegExp): RegExpExecArray[] {
  return [...s.matchAll(re)];
}

/** Some of the matches (at least one when there are any). */
function some<T>(xs: readonly T[], rng: Rng, most: number): T[] {
  const out = new Set<T>();
  for (let k = rng.range(1, most); k > 0 && xs.length; k--) out.add(rng.pick(xs));
  return [...out];
}

function replaceAll(s: string, edits: { start: number; end: number; text: string }[]): string {
  let out = s;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export function xrefShift(bytes: Uint8Array, rng: Rng): Mutation {
  const s = latin1(bytes);
  const entries = matches(s, /(\d{10}) (\d{5}) n(?=\s)/g);
  if (entries.length && rng.chance(0.6)) {
    const chosen = some(entries, rng, 8);
    const edits = chosen.map((m) => {
      const shifted = Math.max(0, Number(m[1]) + rng.pick([-1, 1, -7, 13, rng.range(-500, 500), s.length]));
      return { start: m.index, end: m.index + 10, text: String(shifted).padStart(10, '0').slice(-10) };
    });
    return { bytes: bytesOf(replaceAll(s, edits)), detail: `${chosen.length} of ${entries.length} xref offsets shifted` };
  }
  const starts = matches(s, /startxref\s+(\d+)/g);
  if (!starts.length) return { bytes: bytesOf(s + '\nstartxref\n999999\n%%EOF\n'), detail: 'a startxref past the end appended' };
  const m = starts[starts.length - 1]!;
  const was = Number(m[1]);
  const now = Math.max(0, rng.pick([0, was + 1, was - 1, was + rng.range(-2000, 2000), s.length + 10, 2 ** 31]));
  const numAt = m.index + m[0].length - m[1]!.length;
  return { bytes: bytesOf(replaceAll(s, [{ start: numAt, end: numAt + m[1]!.length, text: String(now) }])), detail: `startxref ${was}→${now}` };
}

export function truncate(bytes: Uint8Array, rng: Rng): Mutation {
  const s = latin1(bytes);
  const way = rng.int(3);
  if (way === 0) {
    const eof = s.lastIndexOf('trailer') > 0 ? s.lastIndexOf('trailer') : s.lastIndexOf('startxref');
    const cut = eof > 0 ? eof : Math.floor(s.length * 0.95);
    return { bytes: bytes.slice(0, cut), detail: `cut before the trailer at ${cut} of ${s.length}` };
  }
  const cut = way === 1 ? rng.range(1, 200) : rng.range(Math.floor(s.length * 0.1), s.length - 1);
  return { bytes: bytes.slice(0, cut), detail: `cut at ${cut} of ${s.length} bytes` };
}

export function streamLength(bytes: Uint8Array, rng: Rng): Mutation {
  const s = latin1(bytes);
  const lengths = matches(s, /\/Length\s+(\d+)(\s+\d+\s+R)?/g);
  if (!lengths.length) return truncate(bytes, rng);
  const chosen = some(lengths, rng, 4);
  const edits = chosen.map((m) => {
    const n = Number(m[1]);
    const text = m[2] ? rng.pick([' 99999 0 R', ' 0 0 R', ' 1 0 R']) : rng.pick([0, n - 1, n + 1, n + rng.range(2, 5000), n * 10, 2147483647, -5, 1e15, 0.5]);
    return m[2] ? { start: m.index + m[0].length - m[2].length, end: m.index + m[0].length, text: String(text) } : { start: m.index, end: m.index + m[0].length, text: `/Length ${text}` };
  });
  return { bytes: bytesOf(replaceAll(s, edits)), detail: `${chosen.length} of ${lengths.length} stream lengths changed` };
}

const FILTERS = ['/FlateDecode', '/LZWDecode', '/ASCIIHexDecode', '/ASCII85Decode', '/RunLengthDecode', '/CCITTFaxDecode', '/JBIG2Decode', '/DCTDecode', '/JPXDecode', '/Crypt', '/NoSuchDecode', '[/FlateDecode /FlateDecode]', '[/ASCII85Decode /LZWDecode /FlateDecode]', '[]', '42', '(FlateDecode)'];

export function changeFilter(bytes: Uint8Array, rng: Rng): Mutation {
  const s = latin1(bytes);
  const filters = matches(s, /\/Filter\s*(\/\w+|\[[^\]]*\])/g);
  if (!filters.length) return streamLength(bytes, rng);
  const chosen = some(filters, rng, 4);
  const edits = chosen.map((m) => {
    const filter = rng.pick(FILTERS);
    const parms = rng.chance(0.25) ? ` /DecodeParms << /Predictor ${rng.pick([2, 10, 15, 99])} /Columns ${rng.pick([0, -1, 1, 100000])} /Colors ${rng.pick([0, 1, 64])} >>` : '';
    return { start: m.index, end: m.index + m[0].length, text: `/Filter ${filter}${parms}` };
  });
  return { bytes: bytesOf(replaceAll(s, edits)), detail: `${chosen.length} of ${filters.length} filters changed` };
}

export function deleteObject(bytes: Uint8Array, rng: Rng): Mutation {
  const s = latin1(bytes);
  const objects = matches(s, /(^|[\r\n])(\d+) (\d+) obj\b[\s\S]*?endobj/g);
  if (!objects.length) return truncate(bytes, rng);
  const chosen = some(objects, rng, 3);
  // half the time keep the length, so the cross-reference offsets still point at the right places
  const keep = rng.chance(0.5);
  const edits = chosen.map((m) => ({ start: m.index + m[1]!.length, end: m.index + m[0].length, text: keep ? ' '.repeat(m[0].length - m[1]!.length) : '' }));
  const kinds = chosen.map((m) => m[0].match(/\/Type\s*\/(\w+)/)?.[1] ?? 'object').join(', ');
  return { bytes: bytesOf(replaceAll(s, edits)), detail: `${chosen.length} of ${objects.length} objects deleted (${kinds})${keep ? ', blanked in place' : ''}` };
}

export function deepArrays(bytes: Uint8Array, rng: Rng): Mutation {
  const s = latin1(bytes);
  const depth = rng.pick([500, 5_000, 50_000, 200_000]);
  const dicts = rng.chance(0.3);
  const deep = dicts ? '<< /A '.repeat(depth) + '1' + ' >>'.repeat(depth) : '['.repeat(depth) + '1' + ']'.repeat(depth);
  const targets = matches(s, /\/Type\s*\/(Catalog|Pages|Page|Font)\b/g);
  const m = targets.length ? rng.pick(targets) : null;
  const at = m ? m.index : Math.max(0, s.indexOf('<<') + 2);
  return { bytes: bytesOf(s.slice(0, at) + `/Deep ${deep} ` + s.slice(at)), detail: `${depth} nested ${dicts ? 'dictionaries' : 'arrays'} in ${m ? `a ${m[1]} dictionary` : 'the first dictionary'}` };
}

export function hugePageCount(bytes: Uint8Array, rng: Rng): Mutation {
  const s = latin1(bytes);
  const counts = matches(s, /\/Count\s+(-?\d+)/g);
  const value = rng.pick(['1000000000', '2147483647', '4294967296', '-1', '0', '99999999999999999999', '501', '1e9']);
  if (!counts.length) return { bytes: bytesOf(s.replace(/\/Type\s*\/Pages\b/, `/Type /Pages /Count ${value}`)), detail: `a /Count of ${value} added` };
  const chosen = some(counts, rng, 2);
  return { bytes: bytesOf(replaceAll(s, chosen.map((m) => ({ start: m.index, end: m.index + m[0].length, text: `/Count ${value}` })))), detail: `${chosen.length} of ${counts.length} page counts set to ${value}` };
}
