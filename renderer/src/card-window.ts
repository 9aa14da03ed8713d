/**
 * Which cards of a long list of findings are in the page: those within a band around what the user sees, and
 * one kept wherever it is (the active card, so its state, focus and keys stay with it). The rest are stood for
 * by space of their size (as last measured, else estimated), so the scroll bar is the list's and nothing
 * shifts as cards come and go. Pure, so that the arithmetic is tested on its own (test/renderer/card-window.test.ts).
 */

export interface CardPlan {
  /** The cards drawn, in order, each with the space that stands before it for the cards left out. */
  drawn: { index: number; before: number }[];
  /** The space after the last card drawn, for the cards left out after it. */
  after: number;
}

/**
 * `sizes[k]`: the space card k takes, with the gap before the next; `from` and `to`: the band to draw, in
 * the list's own coordinates (its top is 0); `keep`: a card drawn wherever it is, or null.
 */
export function planCards(sizes: readonly number[], from: number, to: number, keep: number | null): CardPlan {
  const drawn: CardPlan['drawn'] = [];
  let top = 0;
  let skipped = 0;
  for (let k = 0; k < sizes.length; k++) {
    const size = sizes[k]!;
    if (k === keep || (top < to && top + size > from)) {
      drawn.push({ index: k, before: skipped });
      skipped = 0;
    } else skipped += size;
    top += size;
  }
  return { drawn, after: skipped };
}

/** The size to assume for a card not yet measured: the middle of those measured, else `fallback`. */
export function typicalSize(measured: Iterable<number>, fallback: number): number {
  const xs = [...measured].sort((a, b) => a - b);
  return xs.length ? xs[Math.floor(xs.length / 2)]! : fallback;
}
