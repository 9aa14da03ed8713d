import { describe, expect, it } from 'vitest';
import { check } from '../helpers.js';

/** The disbelief and victim-blaming findings of a draft, as "rule: words". */
const about = (text: string, subject: 'child' | 'adult' = 'adult') =>
  check(text, subject)
    .findings.filter((f) => f.category !== 'jargon')
    .map((f) => `${f.rule}: ${f.excerpt}`);

// Each draft names the person more than anyone else, and another party who claims, chooses or runs things.
const draft = (person: string, other: string, sentence: string) =>
  `${person} is 15. ${person} told us he was made to steal from shops. ${person} said ${other} burned his hand when he came back with nothing. ${person} said ${other} took him to Leeds.\n\n${sentence}`;

describe('about whom: doubt and blame are about the person, not another named party', () => {
  it.each([
    ['Andrei', 'Nicu'],
    ['Tomasz', 'Viktor'],
    ['Amira', 'Karim'],
  ])("the other party's claims are not doubted for the writer; the person's are (%s, %s)", (person, other) => {
    expect(about(draft(person, other, `A debt ${other} claims the family owes was used to keep him stealing.`), 'child')).toEqual([]);
    expect(about(draft(person, other, `${other} claims the boy owes him for the coach.`), 'child')).toEqual([]);
    expect(about(draft(person, other, `${person} claims the man took his money.`), 'child')).toEqual([`disbelief/claims: claims`]);
  });

  it("is the person under the other names the draft writes beside theirs: a surname in capitals, or alone", () => {
    const text = (sentence: string) => `Child: Andrei POPESCU, aged 15.\n\n${draft('Andrei', 'Nicu', sentence)}`;
    expect(about(text('POPESCU claims the man took his money.'), 'child')).toEqual([`disbelief/claims: claims`]);
    expect(about(text('Popescu claims the man took his money.'), 'child')).toEqual([`disbelief/claims: claims`]);
  });

  it("knows the person from the form's label or their age, even where the exploiter is named more often", () => {
    const account = 'Vasile collected him each morning. Vasile kept his passport. Vasile drove him to the site and Vasile paid nobody.';
    for (const intro of ['Potential victim: Darius MOLDOVAN', 'Darius Moldovan, aged 31, was referred by the night shelter.']) {
      const text = `${intro}\n\n${account} Darius told us he wanted to go home.\n\n`;
      expect(about(`${text}Vasile claims the men owe him for their rooms.`)).toEqual([]);
      expect(about(`${text}Darius claims he was never paid.`)).toEqual(['disbelief/claims: claims']);
    }
  });

  it("still flags a label that names the other party, and a judgement of the person's own manner", () => {
    const text = (sentence: string) => `${draft('Kieran', 'Tizzy', sentence)}`;
    expect(about(text('Tizzy is his older mate from the estate.'), 'child').some((f) => f.startsWith('victim-blaming/exploiter-as-partner'))).toBe(true);
    expect(about(text("Kieran's manner at school is a bit of an act, in my opinion."), 'child').some((f) => f.startsWith('disbelief/'))).toBe(true);
  });

  it('blames the exploiter for what the exploiter chose, and the person for nothing they were made to do', () => {
    expect(about(draft('Andrei', 'Nicu', 'Nicu chose the shops and the times.'), 'child')).toEqual([]);
    expect(about(draft('Andrei', 'Nicu', 'Andrei chose to steal for them.'), 'child').length).toBeGreaterThan(0);
  });

  it('does not take a month, a heading or a label before the sentence for another party', () => {
    const seeing = `${draft('Maisie', 'Kai', '')}Since October Maisie has been seeing a man called Kai.`;
    expect(about(seeing, 'child').some((f) => f.startsWith('victim-blaming/exploiter-as-partner'))).toBe(true);
    const heading = `${draft('Lan', 'Gary', '')}Officer's observations\nI have recorded her tale about the back door.`;
    expect(about(heading).some((f) => f.endsWith(': tale'))).toBe(true);
  });

  it("reads a pronoun that is not the person's as another party, where the draft makes the person's plain", () => {
    // Aisha is "she" throughout; the man with her is "he"
    const aisha = (sentence: string) =>
      `Aisha is 17. Aisha told me she did not want to travel and that she was frightened. Aisha said she had been told she would marry her cousin. Her uncle Imran stood beside her at the desk.\n\n${sentence}`;
    expect(about(aisha('He claimed the return ticket had been booked separately.')).filter((f) => f.startsWith('disbelief/claims'))).toEqual([]);
    expect(about(aisha('She claimed the return ticket had been booked separately.')).some((f) => f.startsWith('disbelief/claims'))).toBe(true);
    // the same story told of a boy: now "he" is the person
    const bilal = (sentence: string) => `Bilal is 17. Bilal told me he did not want to travel and that he was frightened. Bilal said he had been told he would marry his cousin.\n\n${sentence}`;
    expect(about(bilal('He claimed the return ticket had been booked separately.')).some((f) => f.startsWith('disbelief/claims'))).toBe(true);
  });
});
