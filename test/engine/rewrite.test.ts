import { describe, expect, it } from 'vitest';
import { applySuggestions } from '../../src/index.js';
import { check } from '../helpers.js';

function fixAll(text: string, subject?: 'child' | 'adult'): string {
  const r = check(text, subject);
  return applySuggestions(r.document.text, r.findings.filter((f) => f.suggestions.length).map((f) => ({ start: f.start, end: f.end, replacement: f.suggestions[0]! }))).text;
}

describe('suggestions keep tense, number and capitals', () => {
  it.each([
    ['She claimed she was never paid.', 'She stated she was never paid.'],
    ['Claims he was beaten by the boss.', 'States he was beaten by the boss.'],
    ['He claims that he was beaten.', 'He states that he was beaten.'],
    ['He had absconded from home.', 'He had gone missing from home.'],
    ['She absconded twice.', 'She went missing twice.'],
    ['She is absconding from the home.', 'She is going missing from the home.'],
    ['Samuel was reported as an absconder.', 'Samuel was reported as a missing person.'],
    ['They were described as absconders.', 'They were described as missing people.'],
    ['She has been putting herself at risk.', 'She has been put at risk.'],
    ['She is putting herself at risk.', 'She is being put at risk.'],
  ])('%s', (input, output) => {
    expect(fixAll(input, 'adult')).toBe(output);
  });

  it('puts money mules in the plural', () => {
    expect(fixAll('Both boys were used as money mules.', 'child')).toBe('Both boys were used as financially exploited children.');
  });

  it('fixes the article when a label is replaced', () => {
    expect(fixAll('She was called an economic migrant.', 'adult')).toBe('She was called a migrant worker.');
  });
});

describe('applySuggestions', () => {
  it('returns the new text with an offset map', () => {
    const text = 'She claims that he took it. Later she claims more.';
    const r = applySuggestions(text, [
      { start: 4, end: 10, replacement: 'states' },
      { start: 38, end: 44, replacement: 'says' },
    ]);
    expect(r.text).toBe('She states that he took it. Later she says more.');
    expect(r.mapOffset(11)).toBe(11);
    expect(r.mapOffset(45)).toBe(43);
    expect(r.text.slice(r.mapOffset(45), r.mapOffset(49))).toBe('more');
  });

  it('tidies spaces and capitals around a deletion', () => {
    expect(applySuggestions('Apparently, he slept in the van.', [{ start: 0, end: 11, replacement: '' }]).text).toBe('He slept in the van.');
    expect(applySuggestions('He handed over the cards willingly.', [{ start: 25, end: 34, replacement: '' }]).text).toBe('He handed over the cards.');
  });

  it('refuses overlapping edits', () => {
    expect(() => applySuggestions('abcdef', [{ start: 0, end: 3, replacement: 'x' }, { start: 2, end: 4, replacement: 'y' }])).toThrow(/overlap/);
  });
});

describe('inflection', () => {
  it('spells the forms compromise gets wrong', async () => {
    const { verbForms } = await import('../../src/engine/inflect.js');
    expect(verbForms('traffic')).toMatchObject({ past: 'trafficked', ger: 'trafficking' });
    expect(verbForms('kidnap')).toMatchObject({ past: 'kidnapped', ger: 'kidnapping' });
    expect(verbForms('go missing')).toMatchObject({ past: 'went missing', part: 'gone missing', ger: 'going missing' });
  });
});
