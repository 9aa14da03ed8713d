import { describe, expect, it } from 'vitest';
import { check, flagged } from '../helpers.js';

// The context cases the issue names: each is a phrase a crude keyword list gets wrong.
describe('context: words that are not problems here', () => {
  it.each([
    ['claims as a noun', 'She has made two benefit claims this year and her asylum claim is pending.'],
    ['alleged about the suspect', 'The alleged trafficker was arrested and the alleged offender is on bail.'],
    ['the person’s own quoted words', 'He said, "They claim I chose to work there and that I am an illegal."'],
    ['had no choice', 'He said he had no choice but to stay until a co-worker helped him.'],
    ['the exploiter chose', 'The recruiter chose girls who did not speak English.'],
    ['illegal about the exploiter’s acts', 'The brother made illegal deductions from his wages.'],
    ['two-storey', 'The flat was above a two-storey shop.'],
    ['runner in sport', 'He used to be a keen runner at the athletics club.'],
    ['mule the animal', 'The group’s bags were carried on a mule over the mountains.'],
    ['consented to the referral', 'Kumari consented to the referral once an interpreter had explained it.'],
    ['cuckooing explained', 'This is cuckooing, where people who sell drugs take over the home of someone vulnerable.'],
    ['at risk on its own', 'She remains at risk while the man can contact her.'],
    ['storey and history', 'He had no history of offending and lived in a three-storey house.'],
  ])('%s', (_, text) => {
    expect(flagged(text, 'adult')).toEqual([]);
    expect(flagged(text, 'child')).toEqual([]);
  });

  it('never flags NRM, UK, NHS, GP, ID, TV or OK', () => {
    expect(flagged('The NRM referral was made in the UK; his GP, the NHS, his ID, the TV and OK.')).toEqual([]);
  });
});

describe('context: words that are problems here', () => {
  it('flags claims as a verb about the person', () => {
    expect(flagged('Reuben claims that a man offered him lifts.')).toEqual(['claims']);
  });

  it('flags alleged about what happened to the person', () => {
    expect(flagged('She alleged that the woman took her passport.')).toEqual(['alleged']);
  });

  it('flags choice only where the person is said to choose', () => {
    expect(flagged('Pim chose to go back to the flat.', 'adult')).toEqual(['chose']);
  });

  it('flags only the first use of an unexpanded acronym', () => {
    const r = check('Staff logged CSE concerns. The CSE team met again.');
    expect(r.findings.map((f) => [f.excerpt, f.start])).toEqual([['CSE', 13]]);
    expect(r.findings[0]!.suggestions[0]).toBe('child sexual exploitation (CSE)');
  });

  it('accepts an acronym expanded at first use, either way round', () => {
    expect(flagged('An Independent Child Trafficking Guardian (ICTG) was allocated. The ICTG met him.')).toEqual([]);
    expect(flagged('The DWP (Department for Work and Pensions) wrote to him. The DWP then stopped.')).toEqual([]);
  });

  it('flags an acronym it does not know, without a guess at its meaning', () => {
    const r = check('He was seen by the QXT on Monday.');
    expect(r.findings.map((f) => f.excerpt)).toEqual(['QXT']);
    expect(r.findings[0]!.suggestions).toEqual([]);
  });

  it('applies child-only rules only to children', () => {
    const text = 'I understand the man is her boyfriend.';
    expect(flagged(text, 'child')).toEqual(['boyfriend']);
    expect(flagged(text, 'adult')).toEqual([]);
  });

  it('flags a whole credibility-judgement sentence as one finding that deletes it', () => {
    const r = check('He lives in a trailer. I do not believe his account of the beatings. He is 48.');
    const f = r.findings.filter((x) => x.category === 'disbelief');
    expect(f.map((x) => x.excerpt)).toEqual(['I do not believe his account of the beatings.']);
    expect(f[0]!.suggestions).toEqual(['']);
    expect(f[0]!.note).toMatch(/credibility question/);
  });

  it('flags scare quotes in the writer\'s narrative, not quotations or words someone is reported using', () => {
    expect(flagged('When police arrived Juliana was "fine" and left. She told me, "I came here to help my mother."')).toEqual(['"fine"']);
    // the speaker's own word, given in quotation marks inside their reported words
    expect(flagged('Juliana said she was "fine" and left.')).toEqual([]);
    expect(flagged('He called the money "a loan" and took it from her wages.')).toEqual([]);
  });

  it('flags an inconsistency only when nothing explains it', () => {
    expect(flagged('The police recorded an inconsistent account of his age.')).toEqual(['inconsistent account']);
    expect(flagged('She gave an inconsistent account of dates, which may reflect trauma.')).toEqual([]);
  });

  it('reads a name written in its own script as a name, as it reads one in Latin letters', () => {
    // a script without capitals (Ethiopic, Chinese, Arabic) gives no capital letter to tell a name by
    for (const name of ['Selam Tesfaye', 'Selam ሰላም', 'ሰላም', '王芳', 'سلمى']) {
      expect(flagged(`${name} claims that she was kept in a house in Leeds.`), name).toEqual(['claims']);
      expect(flagged(`${name}'s claims of abuse were passed to police.`), name).toEqual(['claims']);
    }
  });
});
