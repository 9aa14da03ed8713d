/** Splits a document into the units the checks read: blocks with sentences, quotes and a section kind. */
import type { Block, Document } from '../document/model.js';
import { findQuotes, type QuoteSpan } from './quotes.js';
import { splitSentences, tokenize, type Sentence } from './tokenize.js';
import { registerCache } from './caches.js';

export interface BlockInfo {
  readonly block: Block;
  readonly text: string;
  /** Sentences and quotes at document offsets (built on first use). */
  readonly sentences: Sentence[];
  readonly quotes: QuoteSpan[];
  /** Section kinds (from rules/sections.yml) of the heading above, or of the block's own `Label:`. */
  readonly sections: ReadonlySet<string>;
  /** The same sentences and quotes with offsets relative to the block (shared, cached: do not mutate). */
  readonly local: { sentences: Sentence[]; quotes: QuoteSpan[] };
}

/** A block's sentences and quotes, at offsets in the block. */
type Local = { sentences: Sentence[]; quotes: QuoteSpan[] };
const blockCache = registerCache(new Map<string, Local>());

/**
 * The blocks of the document read last, so a re-read after an edit finds its unchanged blocks by comparing
 * each with the block in the same place (a block added or removed shifts the rest by one), which is cheaper
 * than hashing every block's text to look it up.
 */
let previous: { texts: string[]; locals: Local[] } = { texts: [], locals: [] };
registerCache({ clear: () => (previous = { texts: [], locals: [] }) });

/** Tokens, sentences and quotes of one block; cached by its text, so an edit re-reads only that block. */
function readLocal(text: string): Local {
  let hit = blockCache.get(text);
  if (!hit) {
    hit = { sentences: splitSentences(tokenize(text)), quotes: findQuotes(text) };
    if (blockCache.size > 20000) blockCache.clear();
    blockCache.set(text, hit);
  }
  return hit;
}

function shift(hit: Local, offset: number): Local {
  if (offset === 0) return hit;
  return {
    sentences: hit.sentences.map((s) => ({
      start: s.start + offset,
      end: s.end + offset,
      tokens: s.tokens.map((t) => ({ ...t, start: t.start + offset, end: t.end + offset })),
    })),
    quotes: hit.quotes.map((q) => ({ ...q, start: q.start + offset, end: q.end + offset })),
  };
}

/** A block's info; its document-offset sentences and quotes are built only when a check asks for them. */
class Info implements BlockInfo {
  private shifted?: { sentences: Sentence[]; quotes: QuoteSpan[] };
  constructor(
    readonly block: Block,
    readonly text: string,
    readonly sections: ReadonlySet<string>,
    readonly local: { sentences: Sentence[]; quotes: QuoteSpan[] },
  ) {}
  get sentences(): Sentence[] {
    return (this.shifted ??= shift(this.local, this.block.start)).sentences;
  }
  get quotes(): QuoteSpan[] {
    return (this.shifted ??= shift(this.local, this.block.start)).quotes;
  }
}

export function analyze(doc: Document, sectionKinds: ReadonlyMap<string, RegExp>): BlockInfo[] {
  const out: BlockInfo[] = [];
  let headingKinds: ReadonlySet<string> = NO_KINDS;
  // the start of each block's line, found in one pass (many cells on one long line would be quadratic)
  let lineStart = 0;
  let nextNewline = doc.text.indexOf('\n');
  const prev = previous;
  const texts: string[] = [];
  const locals: Local[] = [];
  let shift = 0;
  for (const block of doc.blocks) {
    const text = doc.text.slice(block.start, block.end);
    const j = texts.length + shift;
    let local: Local;
    if (prev.texts[j] === text) local = prev.locals[j]!;
    else if (prev.texts[j + 1] === text) {
      // a block before this one was removed
      local = prev.locals[j + 1]!;
      shift++;
    } else if (j > 0 && prev.texts[j - 1] === text) {
      // a block before this one was added
      local = prev.locals[j - 1]!;
      shift--;
    } else local = readLocal(text);
    texts.push(text);
    locals.push(local);
    if (block.kind === 'heading') headingKinds = kindsOf(text, sectionKinds);
    if (block.start < lineStart) {
      // a block out of order: look back from it
      lineStart = doc.text.lastIndexOf('\n', block.start - 1) + 1;
      nextNewline = doc.text.indexOf('\n', lineStart);
    }
    while (nextNewline >= 0 && nextNewline < block.start) {
      lineStart = nextNewline + 1;
      nextNewline = doc.text.indexOf('\n', lineStart);
    }
    // A "Label:" at the start of the block's line: in the block itself, or in a table row's first cell (a
    // label is short, so only the line's first characters are read).
    const head = block.start - lineStart > 200 ? doc.text.slice(lineStart, lineStart + 200) : doc.text.slice(lineStart, block.start) + text.slice(0, 200);
    const label = /^\s*([A-Z][^:\n\t]{1,40}):/.exec(head);
    const sections = label ? kindsOf(label[1]!, sectionKinds) : headingKinds;
    out.push(new Info(block, text, label && sections.size === 0 ? headingKinds : sections, local));
  }
  previous = { texts, locals };
  return out;
}

/** Blocks before any heading. */
const NO_KINDS: ReadonlySet<string> = new Set();

/** Per set of section patterns, per heading or label: its kinds (one set for each, so later checks can key on it). */
const kindsCache = new WeakMap<ReadonlyMap<string, RegExp>, Map<string, ReadonlySet<string>>>();

function kindsOf(heading: string, sectionKinds: ReadonlyMap<string, RegExp>): ReadonlySet<string> {
  let perKinds = kindsCache.get(sectionKinds);
  if (!perKinds) kindsCache.set(sectionKinds, (perKinds = new Map()));
  let out = perKinds.get(heading);
  if (!out) {
    const kinds = new Set<string>();
    for (const [kind, re] of sectionKinds) if (re.test(heading)) kinds.add(kind);
    if (perKinds.size > 5000) perKinds.clear();
    perKinds.set(heading, (out = kinds));
  }
  return out;
}
