import { describe, expect, it } from 'vitest';
import { check } from '../helpers.js';

const missing = (text: string, subject: 'child' | 'adult' = 'adult') => check(text, subject).missing.map((m) => m.element);

// An adult's draft with every element, each line of which a test can take out or replace.
const LINES = {
  who: 'Potential victim: Ama OWUSU, aged 29',
  act: 'A woman called Grace recruited Ama in Accra and arranged her flight to London in May 2024.',
  means: 'Grace took her passport and told her she owed £4,000 for the flight.',
  purpose: 'Ama was made to clean and cook in a house in Croydon for fourteen hours a day without pay.',
  ownWords: 'Ama told me, "I was not allowed to leave the house alone."',
  indicators: 'She had no access to her wages, no days off, and was locked in at night.',
  consent: 'Ama consented to this referral after the NRM was explained with an interpreter.',
};
const draft = (over: Partial<Record<keyof typeof LINES, string>>) => Object.values({ ...LINES, ...over }).join('\n\n');

describe("a form's field left open does not stand for the element it names", () => {
  it('finds every element in the full draft', () => {
    expect(missing(draft({}))).toEqual([]);
  });

  it.each([
    ['consent', 'Consent to NRM referral: not yet discussed'],
    ['consent', 'Consent to referral: [to be completed]'],
    ['consent', 'Consent: TBC'],
    ['own-words', "Account in Ama's own words: not yet obtained"],
    ['own-words', 'Her account: to be taken at the next visit'],
  ])('%s is missing when its field reads "%s"', (element, field) => {
    const key = element === 'consent' ? 'consent' : 'ownWords';
    expect(missing(draft({ [key]: field }))).toContain(element);
  });

  it('still counts a field that answers', () => {
    expect(missing(draft({ consent: 'Consent to NRM referral: given on 3 June after the NRM was explained' }))).not.toContain('consent');
  });
});

describe("the person's own words are theirs, not a named other party's", () => {
  it('does not take the employer\'s quoted words for the person\'s, with the employer named more often than her', () => {
    const employer = 'Mrs Fairbanks-Hale runs the house. Mrs Fairbanks-Hale keeps the keys. Mrs Fairbanks-Hale pays nothing.';
    const text = draft({ ownWords: `${employer} Mrs Fairbanks-Hale also told me "She is one of the family."` });
    expect(missing(text)).toContain('own-words');
    expect(missing(draft({ ownWords: `${employer} Ama also told me "I am not allowed out."` }))).not.toContain('own-words');
  });
});
