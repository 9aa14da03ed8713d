import { describe, expect, it } from 'vitest';
import { check } from '../helpers.js';

/** The draft with each finding of `rule` removed as its first suggestion says (spans taken from the end). */
function applied(text: string, rule: string): string {
  const fs = check(text, 'adult')
    .findings.filter((f) => f.rule === rule)
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const f of fs) out = out.slice(0, f.start) + (f.suggestions[0] ?? '') + out.slice(f.end);
  return out;
}

describe('a judgement or blame that takes a whole sentence to delete', () => {
  it('goes alone when it is the second of two sentences joined by ", and", ", but" or ";", leaving the first whole', () => {
    expect(applied('I made the referral today, but I do not believe his account.', 'disbelief/credibility-judgements')).toBe('I made the referral today.');
    expect(applied('She worked at the salon for a year, and she could have walked out at any time.', 'victim-blaming/choice')).toBe('She worked at the salon for a year.');
    expect(applied('He sleeps in the van; to be honest he could have left whenever he liked.', 'victim-blaming/choice')).toBe('He sleeps in the van.');
  });

  it('takes the whole sentence when what is left would not stand alone', () => {
    // (the blame comes first, or what follows is not a sentence of its own)
    expect(applied('She could have walked out at any time, but she stayed.', 'victim-blaming/choice')).toBe('');
    expect(applied('He could have left whenever he liked, as he had a key.', 'victim-blaming/choice')).toBe('');
    // ("drugs, cash and phones": a list, not a sentence before the blame)
    expect(applied('Drugs, cash and phones, and he could have left at any time.', 'victim-blaming/choice')).toBe('');
  });
});
