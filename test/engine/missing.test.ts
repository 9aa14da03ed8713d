import { describe, expect, it } from 'vitest';
import { check } from '../helpers.js';

const ADULT = `Account of exploitation

Andris told me that in April 2024 a recruiter contacted him online, offering warehouse work in Corby. The brother threatened to break his legs and kept his passport. He received £80 a week.

Consent

Andris consented to this referral on 22 October 2024.`;

function missing(text: string, subject?: 'child' | 'adult'): string[] {
  return check(text, subject).missing.map((m) => m.element).sort();
}

describe('missing elements', () => {
  it('finds every element in a complete adult draft', () => {
    expect(missing(ADULT)).toEqual([]);
  });

  it('asks for consent and means only for adults', () => {
    const text = 'She was taken to hotels in Leeds from March 2024 and made to have sex with men. She said, "He took my phone." She was frightened and had bruises.';
    expect(missing(text, 'adult')).toEqual(['consent', 'means']);
    expect(missing(text, 'child')).toEqual([]);
  });

  it('reports each missing element with a question for the writer', () => {
    const r = check('He was unhappy at work.', 'adult');
    expect(r.missing.map((m) => m.element).sort()).toEqual(['act', 'consent', 'indicators', 'means', 'own-words', 'purpose', 'when', 'where']);
    for (const m of r.missing) expect(m.question).toMatch(/^[^.!]+\?/); // opens with a question
  });

  it('does not count a date of birth or background as the exploitation’s time and place', () => {
    const text = `Background

He was born on 3 May 1990 in Leeds.

Account

He was recruited and made to work at a car wash. He said, "They kept my passport."`;
    expect(missing(text, 'adult')).toEqual(expect.arrayContaining(['when', 'where']));
  });

  it('takes where the person lives now as a place, but not where others in the background live', () => {
    const account = 'Account\n\nA man met him at a retail park in November 2024 and made him hand over his bank card. He said, "They know where my nan lives."';
    const lives = `Background\n\nLives with: his aunt in Moss Side, Manchester\n\n${account}`;
    expect(missing(lives, 'child')).not.toContain('where');
    const family = `Background\n\nFamily: his aunt lives in Moss Side, Manchester\n\n${account}`;
    expect(missing(family, 'child')).toContain('where');
  });

  it('reads a short "Label: value" line as a field the checks read, not as a heading', () => {
    const r = check('Background\n\nRelationship: her boyfriend Dean, 27\nSchool: Year 10', 'child');
    expect(r.findings.map((f) => f.excerpt)).toContain('boyfriend');
  });

  it("does not take another named party's or the writer's words as the person's own", () => {
    const base = 'Account\n\nAde, 13, was found selling sweets on trains in Leeds in May 2025 and was made to hand over the money.';
    const uncle = `${base} When I visited, Mr Bello said: "She likes to help the family." Later Mr Bello told me the money pays for her food. I explained the referral to Ade.`;
    expect(missing(uncle, 'child')).toContain('own-words');
    const own = `${base} Later Ade told me she gives the money to her uncle every night.`;
    expect(missing(own, 'child')).not.toContain('own-words');
  });

  it("does not rest an element on another person's belief or hearsay", () => {
    const hearsay = 'Account\n\nHer cousin believes a man drove Nora to a house in Derby, but Nora has not said so.';
    expect(missing(hearsay, 'child')).toContain('act');
    const asserted = 'Account\n\nA man drove Nora to a house in Derby in May 2025.';
    expect(missing(asserted, 'child')).not.toContain('act');
    // nor a time or place that someone else only thinks likely
    const guessed = 'Account\n\nHer aunt thinks Nora may have been taken to Derby around March 2025.';
    expect(missing(guessed, 'child')).toEqual(expect.arrayContaining(['when', 'where']));
  });

  it('does not take the subject of a denied verb as asserted', () => {
    const adult = 'Consent\n\nConsent to the referral has not yet been discussed with him.';
    expect(missing(adult, 'adult')).toContain('consent');
    expect(missing('Consent\n\nConsent to the referral was given on 3 May.', 'adult')).not.toContain('consent');
  });

  it('dates the exploitation by a length of time or an age at the time, not by an age on its own', () => {
    expect(missing('Account\n\nHe picked fruit for them for eighteen months.', 'child')).not.toContain('when');
    expect(missing('Account\n\nShe was 13 when the older men began to give her lifts.', 'child')).not.toContain('when');
    expect(missing('Referral for Ana, aged 38.\n\nAccount\n\nShe cleaned the house for them.', 'adult')).toContain('when');
  });

  it("does not take the draft's own dates (the draft, the referrer's contact, the consent) as the exploitation's", () => {
    const process = 'Date of draft: 14 March 2025\n\nAccount\n\nI first met her on 4 February 2025. She consented to the referral on 25 February 2025. She cleaned the house for them.';
    expect(missing(process, 'adult')).toContain('when');
    expect(missing(`${process} She was kept there from 3 May 2024.`, 'adult')).not.toContain('when');
  });

  it('names the kinds of indicator it found when one is not enough', () => {
    const r = check('Account\n\nHe had bruises on both arms.', 'child');
    const indicators = r.missing.find((m) => m.element === 'indicators');
    expect(indicators?.found).toEqual(['injuries']);
    const two = check('Account\n\nHe had bruises on both arms and his passport was taken by the boss.', 'child');
    expect(two.missing.map((m) => m.element)).not.toContain('indicators');
    expect(two.present.find((p) => p.element === 'indicators')?.senses).toEqual(['injuries', 'documents-withheld']);
  });
});
