/**
 * A small seeded random source (mulberry32) for the fuzzer. Each mutant draws from its own stream, made from
 * the run's seed and the mutant's number, so `--seed S` reproduces every mutant and one can be rebuilt alone.
 */

export interface Rng {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The random stream of mutant `index` in a run with `seed`. */
export function rngFor(seed: number, index: number): Rng {
  // mix the two numbers so that nearby seeds and indexes give unrelated streams
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h ^= h >>> 15;
  const next = mulberry32(h);
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    range: (lo, hi) => lo + int(hi - lo + 1),
    pick: <T,>(xs: readonly T[]) => {
      if (!xs.length) throw new Error('pick from an empty list');
      return xs[int(xs.length)]!;
    },
    chance: (p) => next() < p,
  };
}
