/**
 * How large a draft may grow once read: a small file can expand to far more text than a referral ever holds
 * (a zip bomb, a PDF of repeated text, a paste of a whole case file), and past these sizes the checker would
 * run out of memory or time. Readers stop at the first limit reached and say which it was and how far it got;
 * the lint stops when a draft gives more findings than anyone could act on.
 */

export interface SizeLimits {
  /** Characters of text (about 500,000 words; a long referral is under 100,000 characters). */
  maxChars: number;
  /** Blocks: paragraphs, headings, list items and table cells. */
  maxBlocks: number;
  /**
   * Bytes of Word markup (all the XML parts together): the largest real document seen, a 280,000-character
   * procurement file, has 15 MB; a few hundred kilobytes of zip can hold gigabytes.
   */
  maxMarkup: number;
  /** Findings of one lint. */
  maxFindings: number;
}

export const SIZE_LIMITS: SizeLimits = { maxChars: 3_000_000, maxBlocks: 100_000, maxMarkup: 20 * 1024 * 1024, maxFindings: 5_000 };

export type Measure = 'characters' | 'blocks' | 'markup' | 'findings';

const PLURAL: Record<Exclude<Measure, 'findings'>, string> = { characters: 'characters of text', blocks: 'paragraphs, headings and table cells', markup: 'bytes of Word markup' };

/** A draft larger than a limit allows; `reached` is how far it got before the reader or the lint stopped. */
export class TooLarge extends Error {
  override name = 'TooLarge';
  readonly code = 'too-large';
  constructor(
    readonly measure: Measure,
    readonly reached: number,
    readonly limit: number,
  ) {
    super(tooLargeMessage(measure, reached, limit));
  }
}

export function tooLargeMessage(measure: Measure, reached: number, limit: number): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const advice =
    measure === 'findings'
      ? 'The text may be repeated many times or not be a referral; check that you chose the right file, or check the referral text on its own.'
      : 'A referral is rarely over 100,000 characters; the file may be damaged or hold far more than the referral. Save the referral text on its own and check that.';
  const size = measure === 'findings' ? `it gave more than ${n(limit)} findings` : `it reached ${n(reached)} ${PLURAL[measure as Exclude<Measure, 'findings'>]} (the limit is ${n(limit)})`;
  return `The document is too large to check: ${size}. ${advice}`;
}

/** Throws TooLarge when a document read in full is over the character or block limit. */
export function checkSize(doc: { text: string; blocks: readonly unknown[] }, limits: SizeLimits = SIZE_LIMITS): void {
  if (doc.text.length > limits.maxChars) throw new TooLarge('characters', doc.text.length, limits.maxChars);
  if (doc.blocks.length > limits.maxBlocks) throw new TooLarge('blocks', doc.blocks.length, limits.maxBlocks);
}
