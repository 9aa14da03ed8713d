import { describe, expect, it } from 'vitest';
import { planCards, typicalSize } from '../../renderer/src/card-window.js';

/** Where each card would stand if every card were drawn: the list a windowed list must look like. */
function tops(sizes: number[]): number[] {
  const out: number[] = [];
  let y = 0;
  for (const s of sizes) {
    out.push(y);
    y += s;
  }
  return out;
}

/** Where the drawn cards stand once the space before each is added in: the same places as in the whole list. */
function placed(sizes: number[], plan: ReturnType<typeof planCards>): { index: number; top: number }[] {
  let y = 0;
  let last = 0;
  return plan.drawn.map(({ index, before }, n) => {
    y += before + (n === 0 ? 0 : sizes[last]!);
    last = index;
    return { index, top: y };
  });
}

describe('which cards of a long list are drawn', () => {
  const sizes = Array.from({ length: 700 }, (_, k) => 120 + ((k * 37) % 90));
  const whole = tops(sizes);
  const height = sizes.reduce((a, b) => a + b, 0);

  it('draws exactly the cards that reach into the band, each at its place in the whole list', () => {
    for (const [from, to] of [
      [-500, 800],
      [40_000, 43_000],
      [height - 900, height + 400],
      [1234.5, 1234.5 + 2600],
    ] as const) {
      const plan = planCards(sizes, from, to, null);
      const want = sizes.flatMap((s, k) => (whole[k]! < to && whole[k]! + s > from ? [k] : []));
      expect(plan.drawn.map((d) => d.index)).toEqual(want);
      for (const p of placed(sizes, plan)) expect(p.top).toBe(whole[p.index]);
      // the space after the last card drawn makes the list as long as the whole
      const lastDrawn = plan.drawn[plan.drawn.length - 1]!.index;
      expect(whole[lastDrawn]! + sizes[lastDrawn]! + plan.after).toBe(height);
    }
  });

  it('keeps the card asked for wherever it is, without moving the others', () => {
    const plan = planCards(sizes, 40_000, 43_000, 3);
    expect(plan.drawn[0]).toEqual({ index: 3, before: whole[3] });
    const band = planCards(sizes, 40_000, 43_000, null);
    expect(plan.drawn.slice(1).map((d) => d.index)).toEqual(band.drawn.map((d) => d.index));
    for (const p of placed(sizes, plan)) expect(p.top).toBe(whole[p.index]);
    // a kept card after the band: the space after the band is split around it
    const after = planCards(sizes, 0, 1000, 650);
    expect(after.drawn.at(-1)!.index).toBe(650);
    for (const p of placed(sizes, after)) expect(p.top).toBe(whole[p.index]);
    expect(whole[650]! + sizes[650]! + after.after).toBe(height);
  });

  it('draws nothing but the kept card when the band is past the end, and nothing at all for an empty list', () => {
    expect(planCards(sizes, height + 10, height + 900, null)).toEqual({ drawn: [], after: height });
    expect(planCards(sizes, height + 10, height + 900, 699).drawn.map((d) => d.index)).toEqual([699]);
    expect(planCards([], 0, 1000, null)).toEqual({ drawn: [], after: 0 });
  });

  it('assumes the middle size of those measured for a card not yet measured', () => {
    expect(typicalSize([], 200)).toBe(200);
    expect(typicalSize([150, 400, 160], 200)).toBe(160);
    expect(typicalSize(new Map([['a', 10], ['b', 30]]).values(), 200)).toBe(30);
  });
});
