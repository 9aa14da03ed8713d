/**
 * The draft's structure (headings, paragraphs, list items, table cells) as the last check read it, placed on
 * the text as it is now, until the next check reads it again. As with findings (finding-keys.ts placeOn),
 * blocks before the edit stay, blocks after it move with it, and the block the edit is in grows or shrinks
 * with it; a block whose start the edit deleted joins the block the edit began in, as the text now does.
 */
import type { Block } from '../../src/api/contract.js';
import { editSpan } from './edit-span.js';

export function placeBlocks(before: string, now: string, blocks: readonly Block[]): readonly Block[] {
  if (before === now) return blocks;
  const { head, end, shift } = editSpan(before, now);
  const out: Block[] = [];
  let joined: Block | null = null; // the block the edit began in, which takes in what the edit ran into
  for (const b of blocks) {
    if (b.end <= head) out.push(b);
    else if (b.start >= end) out.push({ ...b, start: b.start + shift, end: b.end + shift });
    else if (b.start <= head) out.push((joined = { ...b, end: Math.max(b.end, end) + shift }));
    else if (joined && b.end > end) joined.end = b.end + shift; // its start deleted: its words join the block before
  }
  return out;
}

/**
 * The blocks to show for a text: those given, or, before a check has read the text, one paragraph for each
 * run of lines between blank lines.
 */
export function blocksOrParagraphs(text: string, blocks: readonly Block[] | undefined): readonly Block[] {
  if (blocks?.length) return blocks;
  const out: Block[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?![^\S\n]*\n)[^\n]*)*/g)) if (m[0].trim()) out.push({ kind: 'paragraph', start: m.index, end: m.index + m[0].length });
  return out;
}
