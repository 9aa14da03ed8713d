import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { proposals, readGrown, unreviewed } from '../../src/rules/grow-lexicon.js';
import { builtInRules } from '../helpers.js';

const FILE = path.resolve(import.meta.dirname, '../../rules/lexicon-grown.yml');

describe('word sets grown from WordNet and the hedges list', () => {
  const grown = readGrown(FILE);

  it('leaves no proposal of the resources unreviewed', async () => {
    expect(await unreviewed(grown)).toEqual({});
  });

  it('accepts only words the resources propose, and puts them in the rules’ word sets', async () => {
    const rules = builtInRules();
    for (const [name, set] of Object.entries(grown)) {
      const proposed = new Set(await proposals(set));
      for (const w of set.accepted) expect(proposed.has(w), `${name}: ${w}`).toBe(true);
      for (const w of [...set.seeds, ...set.accepted]) expect(rules.lexicon.get(name)?.has(w), `${name}: ${w}`).toBe(true);
      for (const w of set.rejected) if (!set.seeds.includes(w)) expect(rules.lexicon.get(name)?.has(w), `${name}: ${w}`).toBe(false);
    }
  });

  it('proposes WordNet synonyms in the form the set holds', async () => {
    const p = await proposals({ from: ['wordnet:verb:embellish'], form: 'part', seeds: ['embellished'], accepted: [], rejected: [] });
    expect(p).toContain('embroidered');
    expect(p).toContain('padded');
    expect(p).not.toContain('embellished');
  });
});
