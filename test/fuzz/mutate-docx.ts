/**
 * Mutation families for Word documents: damage to the ZIP container (sizes, central directory, duplicate or
 * missing parts, unknown compression) and to word/document.xml (tags, nesting, entities, bytes, repetition).
 * Each is a pure function of the seed file's bytes and a random stream; it says what it did in `detail`
 * (part names and figures only, never document text).
 */
import type { Rng } from './prng.js';
import { deflated, inflate, readZip, writeZip, zipEntries, type ZipEntry } from './zip.js';

export interface Mutation {
  bytes: Uint8Array;
  detail: string;
}

const DOC = 'word/document.xml';
const MB = 1024 * 1024;

function copy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/** Whether the fuzzer can take this file apart: a readable archive with a readable word/document.xml. */
export function isWorkableDocx(bytes: Uint8Array): boolean {
  const doc = zipEntries(bytes)?.find((e) => e.name === DOC);
  return !!doc && inflate(doc) !== null;
}

function pickRecord<T extends { name: string }>(records: readonly T[], rng: Rng): T {
  const doc = records.find((r) => r.name === DOC);
  return doc && rng.chance(0.5) ? doc : rng.pick(records);
}

// ---- the container ------------------------------------------------------------------------------------------

export function zipSizes(bytes: Uint8Array, rng: Rng): Mutation {
  const out = copy(bytes);
  const layout = readZip(out)!;
  const v = new DataView(out.buffer);
  const parts: string[] = [];
  for (let k = rng.range(1, 3); k > 0; k--) {
    const r = pickRecord(layout.records, rng);
    const [where, field, at] = rng.pick([
      ['local', 'compressed size', r.local + 18],
      ['local', 'size', r.local + 22],
      ['central', 'compressed size', r.central + 20],
      ['central', 'size', r.central + 24],
    ] as const);
    const was = v.getUint32(at, true);
    const now = rng.pick([0, was + 1, Math.max(0, was - 1), was * 2, rng.int(2 ** 32), was + rng.range(2, 4096), Math.floor(was / 2)]) >>> 0;
    v.setUint32(at, now, true);
    parts.push(`${where} ${field} of ${r.name} ${was}→${now}`);
  }
  return { bytes: out, detail: parts.join('; ') };
}

export function zipHugeSize(bytes: Uint8Array, rng: Rng): Mutation {
  const out = copy(bytes);
  const layout = readZip(out)!;
  const v = new DataView(out.buffer);
  const r = pickRecord(layout.records, rng);
  const size = rng.pick([0xffffffff, 0xfffffffe, 0x7fffffff, 0x80000000, 4_000_000_000, 1_500_000_000]);
  const where = rng.pick(['central', 'local', 'both'] as const);
  if (where !== 'local') v.setUint32(r.central + 24, size, true);
  if (where !== 'central') v.setUint32(r.local + 22, size, true);
  return { bytes: out, detail: `${where} size of ${r.name} claimed ${size}` };
}

export function zipTruncatedDirectory(bytes: Uint8Array, rng: Rng): Mutation {
  const layout = readZip(bytes)!;
  const { cdOffset, endOffset } = layout;
  const span = Math.max(1, endOffset - cdOffset);
  const way = rng.int(4);
  if (way === 0) {
    const cut = cdOffset + rng.int(span);
    return { bytes: bytes.slice(0, cut), detail: `file cut ${cut - cdOffset} bytes into the central directory of ${span}` };
  }
  if (way === 1) {
    // the end record kept, part of the directory before it gone
    const keep = rng.int(span);
    const out = new Uint8Array(bytes.length - (span - keep));
    out.set(bytes.subarray(0, cdOffset + keep));
    out.set(bytes.subarray(endOffset), cdOffset + keep);
    return { bytes: out, detail: `central directory cut to ${keep} of ${span} bytes, end record unchanged` };
  }
  const out = copy(bytes);
  const v = new DataView(out.buffer);
  if (way === 2) {
    const n = v.getUint16(endOffset + 10, true);
    const claim = rng.pick([n + 1, n * 2, 0xffff]) & 0xffff;
    v.setUint16(endOffset + 8, claim, true);
    v.setUint16(endOffset + 10, claim, true);
    return { bytes: out, detail: `end record claims ${claim} entries, directory has ${n}` };
  }
  const shift = rng.pick([-1, 1, -46, 46, rng.range(-5000, 5000), bytes.length]);
  v.setUint32(endOffset + 16, Math.max(0, cdOffset + shift) >>> 0, true);
  return { bytes: out, detail: `directory offset moved by ${shift}` };
}

export function zipDuplicate(bytes: Uint8Array, rng: Rng): Mutation {
  const entries = zipEntries(bytes)!;
  const original = pickRecord(entries, rng);
  const kind = rng.pick(['same', 'empty body', 'not xml'] as const);
  const twin: ZipEntry =
    kind === 'same'
      ? { ...original }
      : { ...deflated(original.name, Buffer.from(kind === 'empty body' ? '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>' : 'PK\u0003\u0004 not xml at all')) };
  const at = rng.int(entries.length + 1);
  const out = [...entries.slice(0, at), twin, ...entries.slice(at)];
  return { bytes: writeZip(out), detail: `second ${original.name} (${kind}) at entry ${at} of ${out.length}` };
}

export function zipMissingPart(bytes: Uint8Array, rng: Rng): Mutation {
  const entries = zipEntries(bytes)!;
  const target = rng.pick([DOC, DOC, '[Content_Types].xml', '[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/styles.xml']);
  const renamed = rng.chance(0.25);
  const out = renamed ? entries.map((e) => (e.name === target ? { ...e, name: e.name.toUpperCase() } : e)) : entries.filter((e) => e.name !== target);
  return { bytes: writeZip(out), detail: `${target} ${renamed ? 'renamed to upper case' : 'removed'}` };
}

export function zipUnknownMethod(bytes: Uint8Array, rng: Rng): Mutation {
  const entries = zipEntries(bytes)!;
  const target = pickRecord(entries, rng);
  const method = rng.pick([1, 6, 9, 12, 14, 19, 93, 95, 98, 99, 0xffff, target.method === 8 ? 0 : 8]);
  return { bytes: writeZip(entries.map((e) => (e === target ? { ...e, method } : e))), detail: `${target.name} method ${target.method}→${method}` };
}

// ---- word/document.xml ----------------------------------------------------------------------------------------

/** The archive with word/document.xml replaced by `edit` of it (as a string, or as bytes for byte damage). */
function editDocument(bytes: Uint8Array, edit: (xml: string) => { xml: string | Uint8Array; detail: string }): Mutation {
  const entries = zipEntries(bytes)!;
  const doc = entries.find((e) => e.name === DOC)!;
  const { xml, detail } = edit(Buffer.from(inflate(doc)!).toString('utf8'));
  const content = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  const entry = deflated(DOC, content);
  return { bytes: writeZip(entries.map((e) => (e === doc ? entry : e))), detail: `${detail}; document.xml ${content.length} bytes` };
}

function tags(xml: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of xml.matchAll(/<[^<>]*>/g)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** `xml` with the spans replaced (spans in any order, not overlapping). */
function splice(xml: string, edits: { start: number; end: number; text: string }[]): string {
  let out = xml;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function distinct<T>(xs: readonly T[], n: number, rng: Rng): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, xs.length)) chosen.add(rng.int(xs.length));
  return [...chosen].map((k) => xs[k]!);
}

export function xmlDeleteTags(bytes: Uint8Array, rng: Rng): Mutation {
  return editDocument(bytes, (xml) => {
    const chosen = distinct(tags(xml), rng.range(1, 20), rng);
    return { xml: splice(xml, chosen.map((t) => ({ ...t, text: '' }))), detail: `${chosen.length} tags deleted` };
  });
}

export function xmlDuplicateTags(bytes: Uint8Array, rng: Rng): Mutation {
  return editDocument(bytes, (xml) => {
    const chosen = distinct(tags(xml), rng.range(1, 20), rng);
    return { xml: splice(xml, chosen.map((t) => ({ ...t, text: xml.slice(t.start, t.end).repeat(rng.range(2, 4)) }))), detail: `${chosen.length} tags repeated` };
  });
}

export function xmlUnclosed(bytes: Uint8Array, rng: Rng): Mutation {
  return editDocument(bytes, (xml) => {
    const all = tags(xml);
    const way = rng.int(4);
    if (way === 0) {
      const cut = rng.range(1, xml.length - 1);
      return { xml: xml.slice(0, cut), detail: `cut at ${cut} of ${xml.length} characters` };
    }
    if (way === 1) {
      const closing = all.filter((t) => xml[t.start + 1] === '/');
      const chosen = distinct(closing, rng.range(1, 5), rng);
      return { xml: splice(xml, chosen.map((t) => ({ ...t, text: '' }))), detail: `${chosen.length} closing tags removed` };
    }
    if (way === 2) {
      const t = rng.pick(all);
      return { xml: splice(xml, [{ start: t.end, end: t.end, text: '<w:p><w:r><w:t>'.repeat(rng.range(1, 50)) }]), detail: 'open paragraphs inserted' };
    }
    const t = rng.pick(all);
    return { xml: splice(xml, [{ start: t.end - 1, end: t.end, text: rng.pick(['', ' a="', '<', ' ']) }]), detail: 'one tag left open' };
  });
}

export function xmlDeepNesting(bytes: Uint8Array, rng: Rng): Mutation {
  return editDocument(bytes, (xml) => {
    const depth = rng.pick([200, 2_000, 10_000, 50_000]);
    const [name, open, close] = rng.pick([
      ['content controls', '<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>'],
      ['tables', '<w:tbl><w:tr><w:tc>', '<w:p/></w:tc></w:tr></w:tbl>'],
      ['hyperlinks', '<w:hyperlink>', '</w:hyperlink>'],
      ['unknown elements', '<x:y>', '</x:y>'],
      ['runs', '<w:r>', '</w:r>'],
    ] as const);
    const inner = name === 'hyperlinks' || name === 'runs' ? '<w:r><w:t>deep</w:t></w:r>' : '<w:p><w:r><w:t>deep</w:t></w:r></w:p>';
    let nest = open.repeat(depth) + inner + close.repeat(depth);
    if (name === 'hyperlinks' || name === 'runs') nest = `<w:p>${nest}</w:p>`;
    const at = xml.indexOf('<w:body>');
    const pos = at < 0 ? xml.length : at + '<w:body>'.length;
    return { xml: xml.slice(0, pos) + nest + xml.slice(pos), detail: `${depth} nested ${name}` };
  });
}

export function xmlEntities(bytes: Uint8Array, rng: Rng): Mutation {
  return editDocument(bytes, (xml) => {
    const way = rng.pick(['billion laughs', 'quadratic', 'external', 'parameter'] as const);
    let dtd: string;
    let ref: string;
    if (way === 'billion laughs') {
      const levels = rng.range(5, 10);
      dtd = '<!ENTITY l0 "lol">';
      for (let k = 1; k <= levels; k++) dtd += `<!ENTITY l${k} "${`&l${k - 1};`.repeat(10)}">`;
      ref = `&l${levels};`;
    } else if (way === 'quadratic') {
      dtd = `<!ENTITY a "${'a'.repeat(rng.pick([1_000, 10_000, 50_000]))}">`;
      ref = '&a;'.repeat(rng.pick([100, 1_000, 5_000]));
    } else if (way === 'external') {
      dtd = `<!ENTITY x SYSTEM "${rng.pick(['file:///etc/passwd', 'http://127.0.0.1:9/x', '/dev/zero'])}">`;
      ref = '&x;';
    } else {
      dtd = '<!ENTITY % p "<!ENTITY q \'q\'>"> %p;';
      ref = '&q;';
    }
    const decl = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
    const root = xml.slice(decl).match(/<([\w:]+)/)?.[1] ?? 'w:document';
    const withDtd = `${xml.slice(0, decl)}<!DOCTYPE ${root} [${dtd}]>${xml.slice(decl)}`;
    const t = withDtd.indexOf('<w:t');
    const close = t < 0 ? -1 : withDtd.indexOf('>', t);
    const out = close < 0 ? withDtd : withDtd.slice(0, close + 1) + ref + withDtd.slice(close + 1);
    return { xml: out, detail: `DOCTYPE with ${way} entities` };
  });
}

const BAD_SEQUENCES: readonly (readonly number[])[] = [[0x00], [0x01], [0x08], [0x0b], [0x0c], [0x1b], [0x1f], [0x7f], [0x80], [0xc0, 0xaf], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xfe], [0xff], [0xe2, 0x82]];
const BAD_REFERENCES = ['&#0;', '&#x1;', '&#xFFFE;', '&#xD800;', '&#x110000;', '&#65535;', '&bogus;', '&#;'];

export function xmlControlCharacters(bytes: Uint8Array, rng: Rng): Mutation {
  return editDocument(bytes, (xml) => {
    const raw = Buffer.from(xml, 'utf8');
    // put each one just inside a text run when there is one, else anywhere
    const runs = [...xml.matchAll(/<w:t(?:\s[^>]*)?>/g)].map((m) => Buffer.byteLength(xml.slice(0, m.index + m[0].length)));
    const n = rng.range(1, 30);
    const inserts: { at: number; seq: Uint8Array }[] = [];
    for (let k = 0; k < n; k++) {
      const at = runs.length && rng.chance(0.8) ? rng.pick(runs) : rng.int(raw.length);
      const seq = rng.chance(0.3) ? Buffer.from(rng.pick(BAD_REFERENCES)) : Uint8Array.from(rng.pick(BAD_SEQUENCES));
      inserts.push({ at, seq });
    }
    inserts.sort((a, b) => a.at - b.at);
    const pieces: Uint8Array[] = [];
    let pos = 0;
    for (const { at, seq } of inserts) {
      pieces.push(raw.subarray(pos, at), seq);
      pos = at;
    }
    pieces.push(raw.subarray(pos));
    return { xml: new Uint8Array(Buffer.concat(pieces)), detail: `${n} control characters, invalid UTF-8 or bad references` };
  });
}

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((m) => m[0]).filter((p) => p.includes('<w:t'));
}

/** A paragraph repeated until the XML reaches `target` characters (at most `cap` copies). */
function repeatParagraph(xml: string, rng: Rng, target: number, cap = Infinity): { xml: string; detail: string } {
  const paras = paragraphs(xml);
  const para = paras.length ? rng.pick(paras) : '<w:p><w:r><w:t>The person was moved between three addresses.</w:t></w:r></w:p>';
  const copies = Math.max(1, Math.min(cap, Math.floor(target / para.length)));
  const end = xml.lastIndexOf('</w:body>');
  const at = end < 0 ? xml.length : end;
  return { xml: xml.slice(0, at) + para.repeat(copies) + xml.slice(at), detail: `a paragraph of ${para.length} characters repeated ${copies} times` };
}

export function xmlRepeatParagraph(bytes: Uint8Array, rng: Rng): Mutation {
  return editDocument(bytes, (xml) => repeatParagraph(xml, rng, rng.pick([64 * 1024, 256 * 1024, MB]), rng.range(50, 20_000)));
}

/**
 * Tens of megabytes of XML from an archive of a few hundred kilobytes, all past the reader's markup limit
 * (SIZE_LIMITS.maxMarkup, 20 MB): the reader must refuse it as too large.
 */
export function xmlExpansionBomb(bytes: Uint8Array, rng: Rng): Mutation {
  return editDocument(bytes, (xml) => repeatParagraph(xml, rng, rng.pick([24, 40, 64]) * MB));
}
