/**
 * The fuzzer's mutants: the project's real documents (the dev and real-world corpora) damaged by one family of
 * mutation each. Mutant `i` of a run with seed `S` is a pure function of (S, i) and the corpus, so any one can
 * be rebuilt alone, and every family is used in turn so that a run of a few hundred covers them all.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as docx from './mutate-docx.js';
import type { Mutation } from './mutate-docx.js';
import * as pdf from './mutate-pdf.js';
import * as text from './mutate-text.js';
import { rngFor, type Rng } from './prng.js';

export type SeedKind = 'docx' | 'pdf' | 'text';

export interface Seed {
  /** Corpus and file, such as `dev/d03.docx` or `real/pdf/pdfjs-bug1020226.pdf`. */
  id: string;
  kind: SeedKind;
  bytes: Uint8Array;
  /** A DOCX the container and XML families can take apart. */
  workable: boolean;
}

export interface Family {
  name: string;
  /** The seeds it mutates; `any` takes every file. */
  input: SeedKind | 'any';
  mutate: (bytes: Uint8Array, rng: Rng) => Mutation;
  /** The only error codes that count as a pass (default: a view or any typed error). */
  expect?: readonly string[];
}

export interface Mutant {
  index: number;
  /** Such as `s1-0042-docx-zip-sizes`: the seed, the number and the family. */
  name: string;
  family: string;
  source: string;
  detail: string;
  ext: string;
  bytes: Uint8Array;
  expect?: readonly string[];
}

// ---- any file -------------------------------------------------------------------------------------------------

function bitFlips(bytes: Uint8Array, rng: Rng): Mutation {
  const out = new Uint8Array(bytes);
  const n = Math.min(out.length, rng.pick([1, 2, 8, 32]));
  for (let k = 0; k < n; k++) out[rng.int(out.length)]! ^= 1 << rng.int(8);
  return { bytes: out, detail: `${n} bits flipped` };
}

function byteInsertions(bytes: Uint8Array, rng: Rng): Mutation {
  let out = Buffer.from(bytes);
  const n = rng.range(1, 8);
  for (let k = 0; k < n; k++) {
    const at = rng.int(out.length + 1);
    const run = Buffer.from(Uint8Array.from({ length: rng.range(1, 256) }, () => rng.int(256)));
    out = Buffer.concat([out.subarray(0, at), run, out.subarray(at)]);
  }
  return { bytes: new Uint8Array(out), detail: `${n} runs of random bytes inserted` };
}

function truncation(bytes: Uint8Array, rng: Rng): Mutation {
  const cut = rng.chance(0.05) ? 0 : rng.int(bytes.length);
  return { bytes: bytes.slice(0, cut), detail: `cut at ${cut} of ${bytes.length} bytes` };
}

export const FAMILIES: readonly Family[] = [
  { name: 'docx-zip-sizes', input: 'docx', mutate: docx.zipSizes },
  { name: 'docx-zip-huge-size', input: 'docx', mutate: docx.zipHugeSize },
  { name: 'docx-zip-truncated-directory', input: 'docx', mutate: docx.zipTruncatedDirectory },
  { name: 'docx-zip-duplicate', input: 'docx', mutate: docx.zipDuplicate },
  { name: 'docx-zip-missing-part', input: 'docx', mutate: docx.zipMissingPart },
  { name: 'docx-zip-unknown-method', input: 'docx', mutate: docx.zipUnknownMethod },
  { name: 'docx-xml-delete-tags', input: 'docx', mutate: docx.xmlDeleteTags },
  { name: 'docx-xml-duplicate-tags', input: 'docx', mutate: docx.xmlDuplicateTags },
  { name: 'docx-xml-unclosed', input: 'docx', mutate: docx.xmlUnclosed },
  { name: 'docx-xml-deep-nesting', input: 'docx', mutate: docx.xmlDeepNesting },
  { name: 'docx-xml-entities', input: 'docx', mutate: docx.xmlEntities },
  { name: 'docx-xml-control-chars', input: 'docx', mutate: docx.xmlControlCharacters },
  { name: 'docx-xml-repeat', input: 'docx', mutate: docx.xmlRepeatParagraph },
  { name: 'docx-xml-bomb', input: 'docx', mutate: docx.xmlExpansionBomb, expect: ['too-large'] },
  { name: 'pdf-xref-shift', input: 'pdf', mutate: pdf.xrefShift },
  { name: 'pdf-truncated', input: 'pdf', mutate: pdf.truncate },
  { name: 'pdf-stream-length', input: 'pdf', mutate: pdf.streamLength },
  { name: 'pdf-filter', input: 'pdf', mutate: pdf.changeFilter },
  { name: 'pdf-deleted-object', input: 'pdf', mutate: pdf.deleteObject },
  { name: 'pdf-deep-nesting', input: 'pdf', mutate: pdf.deepArrays },
  { name: 'pdf-huge-count', input: 'pdf', mutate: pdf.hugePageCount },
  { name: 'text-utf16', input: 'text', mutate: text.utf16 },
  { name: 'text-windows-1252', input: 'text', mutate: text.windows1252 },
  { name: 'text-invalid-utf8', input: 'text', mutate: text.invalidUtf8 },
  { name: 'text-nul', input: 'text', mutate: text.nuls },
  { name: 'text-mid-bom', input: 'text', mutate: text.midTextBom },
  { name: 'text-long-line', input: 'text', mutate: text.longLine },
  { name: 'text-blank-lines', input: 'text', mutate: text.blankLines },
  { name: 'any-bit-flips', input: 'any', mutate: bitFlips },
  { name: 'any-byte-insertions', input: 'any', mutate: byteInsertions },
  { name: 'any-truncated', input: 'any', mutate: truncation },
];

/** Seeds larger than this are left out by default: they cost seconds each and add no new kind of damage. */
export const DEFAULT_MAX_SEED_BYTES = 256 * 1024;

const KIND_OF: Record<string, SeedKind> = { '.docx': 'docx', '.pdf': 'pdf', '.txt': 'text', '.md': 'text', '.tsv': 'text' };

/** Every document under these folders (gold answers and other JSON left out), in a stable order. */
export function loadSeeds(dirs: { label: string; dir: string }[], maxBytes = DEFAULT_MAX_SEED_BYTES): Seed[] {
  const seeds: Seed[] = [];
  const walk = (label: string, root: string, rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(label, root, relPath);
      const kind = KIND_OF[path.extname(entry.name).toLowerCase()];
      if (!entry.isFile() || !kind) continue;
      const bytes = new Uint8Array(fs.readFileSync(path.join(root, relPath)));
      if (bytes.length > maxBytes) continue;
      seeds.push({ id: `${label}/${relPath}`, kind, bytes, workable: kind === 'docx' && docx.isWorkableDocx(bytes) });
    }
  };
  for (const { label, dir } of dirs) if (fs.existsSync(dir)) walk(label, dir, '');
  return seeds;
}

function fits(family: Family, seed: Seed): boolean {
  if (family.input === 'any') return true;
  if (family.input === 'docx') return seed.workable;
  return seed.kind === family.input && seed.bytes.length > 0;
}

/** Mutant `index` of the run with `seed`. */
export function makeMutant(seed: number, index: number, seeds: readonly Seed[]): Mutant {
  const family = FAMILIES[index % FAMILIES.length]!;
  const rng = rngFor(seed, index);
  const candidates = seeds.filter((s) => fits(family, s));
  const source = rng.pick(candidates);
  const { bytes, detail } = family.mutate(source.bytes, rng);
  const ext = family.input === 'any' ? path.extname(source.id) : family.input === 'text' ? '.txt' : `.${family.input}`;
  return {
    index,
    name: `s${seed}-${String(index).padStart(4, '0')}-${family.name}`,
    family: family.name,
    source: source.id,
    detail,
    ext,
    bytes,
    ...(family.expect ? { expect: family.expect } : {}),
  };
}
