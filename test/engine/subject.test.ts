import { describe, expect, it } from 'vitest';
import { detectSubject } from '../../src/engine/subject.js';

describe('who the person is', () => {
  it.each([
    ['Reuben A. is a 15-year-old British boy.', true, 15],
    ['Pim S., female, aged 27, Thai national.', false, 27],
    ['Name: Samuel G. Age: 16. Nationality: Eritrean.', true, 16],
    ['His purported age is 16 and he has no passport.', true, 16],
    ['Skye T. is 13 years old.', true, 13],
    ['Khanh V., male, aged 17 according to the age assessment.', true, 17],
  ])('%s', (text, isChild, age) => {
    expect(detectSubject(text)).toMatchObject({ isChild, age });
  });

  it('works out the age from a date of birth and the referral’s own date', () => {
    const s = detectSubject('Date of birth: 30 September 2009. Date of referral: 14 June 2024.');
    expect(s).toMatchObject({ isChild: true, age: 14 });
    expect(detectSubject('DOB 02/02/1990. Seen on 3 March 2025.')).toMatchObject({ isChild: false, age: 35 });
  });

  it('does not take the exploiter’s age for the person’s', () => {
    expect(detectSubject('Poppy met a man online. He said he was 17 at first, but she later learned the man is 29. She is in Year 9.').isChild).toBe(true);
    expect(detectSubject('Her partner, aged 40, lives in Leeds. She is aged 22.')).toMatchObject({ isChild: false, age: 22 });
  });

  it('takes the first age the draft states, however much follows it or however it is stated further down', () => {
    const rest = '\n\nShe worked at the farm from May until August and was not paid.'.repeat(80);
    for (const [top, age] of [
      ['Ana P., aged 17, Romanian national.', 17],
      ['Date of birth: 30 September 2009. Referral made 14 June 2024.', 14],
      ['Ana is 19 and Romanian.', 19],
    ] as const) {
      expect(detectSubject(top + rest).age, top).toBe(age);
      // a later age, date of birth or case header does not replace it
      expect(detectSubject(top + rest + '\n\nHer cousin, male, 30, lives in Leeds. DOB 01/01/1980. She is aged 40.').age, top).toBe(age);
    }
    // a date of birth before the stated age is the one taken, with the draft's latest date as the day of the referral
    expect(detectSubject('DOB: 02/02/2009.' + rest + ' Aged 30. Seen on 3 March 2025.')).toMatchObject({ isChild: true, age: 16 });
  });

  it('reads a date of birth written with a long gap before the date', () => {
    expect(detectSubject(`Ana is 19. Date of birth:${' '.repeat(420)}30 September 2009. Date of referral: 14 June 2024.`).age).toBe(19);
    expect(detectSubject(`Date of birth:${' '.repeat(420)}30 September 2009. Ana is 19. Date of referral: 14 June 2024.`).age).toBe(14);
  });

  it('falls back on how the person is described', () => {
    expect(detectSubject('The boy was found in a flat in a foster placement.').isChild).toBe(true);
    expect(detectSubject('The woman worked in a nail bar.').isChild).toBe(false);
  });

  it('reads the age in a case header after the person\'s sex', () => {
    expect(detectSubject('Applicant: Nguyen Thi Lan (Lan), female, 29, Vietnamese national\nShe worked in a nail bar.')).toMatchObject({ isChild: false, age: 29 });
    expect(detectSubject('Young person: Kyle, Male, 16\nHe was found in a flat in Hull.')).toMatchObject({ isChild: true, age: 16 });
    expect(detectSubject('She is female, 29 October was the day she left.').age).toBeNull();
  });

  it('reads an age set off by commas after a name, not a date or a list of numbers', () => {
    expect(detectSubject('Mia, 14, is very grown-up in how she carries herself.')).toMatchObject({ isChild: true, age: 14 });
    expect(detectSubject('Jayden Cole, 16, was arrested at the station.')).toMatchObject({ isChild: true, age: 16 });
    expect(detectSubject('Ewa Nowak, 31, was found at the car wash.')).toMatchObject({ isChild: false, age: 31 });
    expect(detectSubject('On Friday, 14, 15 and 16 May the shop was closed.').age).toBeNull();
    expect(detectSubject('In May, 14, people were moved.').age).toBeNull();
  });

  it("does not count words others are quoted as calling the person", () => {
    expect(detectSubject('The woman who ran the salon called her "lazy girl" and "stupid girl" whenever she was slow.').isChild).toBe(false);
  });
});
