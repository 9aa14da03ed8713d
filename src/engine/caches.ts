/**
 * The engine's text caches (block readings, sentence readings, names, tags) register here, so a host can
 * drop them all: when the user closes their drafts, or a benchmark wants a cold start. Rule sets and their
 * compiled inflections are not text caches and stay.
 */
const clears: (() => void)[] = [];

/** Registers a cache's clear function. */
export function registerCache<T extends { clear(): void }>(cache: T): T {
  clears.push(() => cache.clear());
  return cache;
}

/** Drops every registered text cache. */
export function clearCaches(): void {
  for (const c of clears) c();
}
