/**
 * The one compromise instance, loaded once and kept (its CommonJS bundle loads about twice as fast as the
 * ESM sources). Used for inflection and, only for sentences a pattern needs them for, part-of-speech tags.
 */
import { createRequire } from 'node:module';
import { registerCache } from './caches.js';

type Nlp = typeof import('compromise').default;

let instance: Nlp | undefined;

export function nlp(): Nlp {
  if (!instance) {
    const require = createRequire(import.meta.url);
    instance = require('compromise') as Nlp;
  }
  return instance;
}

const tagCache = registerCache(new Map<string, { start: number; end: number; tags: Set<string> }[]>());

/** Part-of-speech tags for each term of a sentence, with offsets relative to the sentence. Cached by text. */
export function tagSentence(sentence: string): { start: number; end: number; tags: Set<string> }[] {
  let hit = tagCache.get(sentence);
  if (hit) return hit;
  const json = nlp()(sentence).json({ offset: true }) as {
    terms: { tags: string[]; offset: { start: number; length: number } }[];
  }[];
  hit = json.flatMap((s) =>
    s.terms.map((t) => ({ start: t.offset.start, end: t.offset.start + t.offset.length, tags: new Set(t.tags) })),
  );
  if (tagCache.size > 5000) tagCache.clear();
  tagCache.set(sentence, hit);
  return hit;
}
