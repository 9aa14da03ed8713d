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

const blockCache = registerCache(new Map<string, { sentences: Sentence[]; quotes: QuoteSpan[] }>());

/** Tokens, sentences and quotes of one block; cached by its text, so an edit re-reads only that block. */
function readLocal(text: string): { sentences: Sentence[]; quotes: QuoteSpan[] } {
  let hit = blockCache.get(text);
  if (!hit) {
    hit = { sentences: splitSentences(tokenize(text)), quotes: findQuotes(text) };
    if (blockCache.size > 20000) blockCache.clear();
    blockCache.set(text, hit);
  }
  return hit;
}

function shift(hit: { sentences: Sentence[]; quotes: QuoteSpan[] }, offset: number): { sentences: Sentence[]; quotes: QuoteSpan[] } {
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
  let headingKinds: ReadonlySet<string> = new Set();
  // the start of each block's line, found in one pass (many cells on one long line would be quadratic)
  let lineStart = 0;
  let nextNewline = doc.text.indexOf('\n');
  for (const block of doc.blocks) {
    const text = doc.text.slice(block.start, block.end);
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
    const sections = label ? new Set([...kindsOf(label[1]!, sectionKinds)]) : headingKinds;
    out.push(new Info(block, text, label && sections.size === 0 ? headingKinds : sections, readLocal(text)));
  }
  return out;
}

function kindsOf(heading: string, sectionKinds: ReadonlyMap<string, RegExp>): Set<string> {
  const out = new Set<string>();
  for (const [kind, re] of sectionKinds) if (re.test(heading)) out.add(kind);
  return out;
}
