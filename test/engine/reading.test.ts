import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/engine/quotes.js';
import { negatedAt, readSentence, type SentenceReading } from '../../src/engine/reading.js';
import { splitSentences, tokenize } from '../../src/engine/tokenize.js';
import { explain } from '../../src/engine/explain.js';
import { builtInRules } from '../helpers.js';

/** Reads the first sentence of `text`; `voiceOf(w)` is the voice of the first token spelled `w`. */
function read(text: string) {
  const s = splitSentences(tokenize(text))[0]!;
  const r: SentenceReading = readSentence(s, text, findQuotes(text));
  const at = (w: string) => s.tokens.findIndex((t) => t.text === w);
  return { r, s, voiceOf: (w: string) => r.voice[at(w)], at };
}

describe('the sentence layer', () => {
  it('finds the subject and verb of a clause, with irregular past verbs', () => {
    for (const [text, subject, verb] of [
      ['She said she was fine.', 'She', 'said'],
      ['The men took his passport.', 'The men', 'took'],
      ['Ana kept the money in a tin.', 'Ana', 'kept'],
    ] as const) {
      const c = read(text).r.clauses[0]!;
      expect(c.subject?.text).toBe(subject);
      expect(c.verb?.text).toBe(verb);
      expect(c.verb?.tense).toBe('past');
    }
  });

  it("gives a reported clause to its speaker: the person's, another party's", () => {
    expect(read('She told me that the men were kind.').voiceOf('kind')).toBe('person');
    expect(read('Her employer said that she was lazy.').voiceOf('lazy')).toBe('other');
    expect(read('I think that she was frightened.').voiceOf('frightened')).toBe('writer');
  });

  it("keeps the writer's aside between a reporting verb and the reported words the writer's", () => {
    const { voiceOf } = read("Kayden says, for what it's worth, that the older boys made him carry the bag.");
    expect(voiceOf('worth')).toBe('writer');
    expect(voiceOf('boys')).toBe('person');
    expect(read('She told me, crying, that the men had her passport.').voiceOf('passport')).toBe('person');
  });

  it('reads "the agent he describes" as a thing described inside the subject, not a report, when a verb follows', () => {
    expect(read('The agent he describes might not actually exist.').voiceOf('exist')).toBe('writer');
    expect(read('The flat she mentioned was above a barber shop.').voiceOf('barber')).toBe('writer');
    // with words of its own after it, the same verb reports them
    expect(read('He described being locked in the van at night.').voiceOf('locked')).toBe('person');
    expect(read('She mentioned that the boss kept a knife.').voiceOf('knife')).toBe('person');
    expect(read('Her cousin described how the boss kept the passports.').voiceOf('passports')).toBe('other');
  });

  it('reads "everything she told us" as a thing told, not a report', () => {
    expect(read('Everything Berhane told us should be taken with a pinch of salt.').voiceOf('salt')).toBe('writer');
  });

  it("gives a claim named as a noun to its owner, up to the end of that part of the sentence", () => {
    const { voiceOf } = read('The allegation made by the landlord that she stole is unproven; Mary, for her part, would have it otherwise.');
    expect(voiceOf('stole')).toBe('other');
    expect(voiceOf('otherwise')).toBe('writer');
    expect(read('Her claim that she was forced is accepted.').voiceOf('forced')).toBe('person');
  });

  it('marks words named as language as mentioned, not used', () => {
    const { voiceOf } = read('Avoid language that suggests she chose to stay with them.');
    expect(voiceOf('chose')).toBe('mention');
    expect(read('She chose to stay with them.').voiceOf('chose')).toBe('writer');
  });

  it('reads an instruction to the reader and a definition as generic', () => {
    const you = read('If you are not sure of her age, treat her as a child.');
    expect(you.r.clauses[you.r.clauseOf[you.at('sure')]!]!.generic).toBe(true);
    expect(read('This includes being used as a money mule.').voiceOf('mule')).toBe('generic');
    // a past "This included ..." is the writer's narrative about what happened
    expect(read('This included being used as a money mule.').voiceOf('mule')).toBe('writer');
  });

  it('finds negation in the clause before a word, not after it or in another clause', () => {
    const { r, at } = read('He did not choose to stay, but she chose to go.');
    expect(negatedAt(r, at('choose'))).toBe(true);
    expect(negatedAt(r, at('chose'))).toBe(false);
  });

  it('carries a negation over a verb joined by "or", not by "and"', () => {
    const nobody = read('Nobody threatened him or hit him.');
    expect(negatedAt(nobody.r, nobody.at('hit'))).toBe(true);
    const and = read('He was not paid and was beaten.');
    expect(negatedAt(and.r, and.at('beaten'))).toBe(false);
  });

  it('reads a bare plural before a frequency adverb as people in general, whatever its words look like', () => {
    expect(read('County lines networks typically recruit children outside schools.').voiceOf('recruit')).toBe('generic');
    expect(read('Gangs often move children between towns.').voiceOf('move')).toBe('generic');
    expect(read('Exploitation of this kind often goes on for years.').voiceOf('years')).toBe('generic');
    // a particular group is not a kind
    expect(read('The gang often moved him between towns.').voiceOf('moved')).toBe('writer');
  });

  it('reads a definition opened by an adjective or an "of" phrase as generic', () => {
    expect(read('Criminal exploitation can include cannabis cultivation and begging.').voiceOf('begging')).toBe('generic');
    expect(read('Signs of trafficking can include bruising.').voiceOf('bruising')).toBe('generic');
    expect(read('His exploitation included begging.').voiceOf('begging')).toBe('writer');
  });

  it('knows a former relation as another party ("her ex-partner alleges")', () => {
    expect(read('Her ex-partner alleges that she worked in a brothel.').voiceOf('brothel')).toBe('other');
    expect(read('Her stepfather says she was kept at the house.').voiceOf('kept')).toBe('other');
  });
});

describe("the writer's advice and words owned by another party", () => {
  it('reads should, must, ought and shall with a verb of now as advice, whoever the subject is, and "should have" as not', () => {
    for (const text of ['Colleagues should treat his account with caution.', 'Officers must not rely on it.', 'The panel ought to see the messages.', 'Staff shall record every visit.'])
      expect(read(text).r.clauses[0]!.directive, text).toBe(true);
    for (const text of ['The boss should have paid her.', "The men must've known.", 'Officers treated his account with caution.', 'She could leave at any time.'])
      expect(read(text).r.clauses[0]!.directive, text).toBeUndefined();
  });

  it("knows who owns a word by a possessive before it: another party's, the person's, or none", () => {
    const owner = (text: string, w: string) => {
      const { r, at } = read(text);
      return r.owner[at(w)];
    };
    expect(owner("The recruiter's story was that she would clean hotels.", 'story')).toBe('other');
    expect(owner("Her boss's version differs.", 'version')).toBe('other');
    expect(owner("Ana's story has not changed.", 'story')).toBe('person');
    expect(owner('Her story has not changed.', 'story')).toBeUndefined();
  });

  it("lets the person's doubters be the readers the writer advises, not the parties the draft tells of", () => {
    const rules = builtInRules();
    const fired = (text: string) => explain(text, rules).sentences[0]!.findings.map((f) => f.rule);
    expect(fired('Colleagues should take his account cautiously.')).toContain('disbelief/credibility-judgements');
    expect(fired('Colleagues took his account cautiously.')).not.toContain('disbelief/credibility-judgements');
    expect(fired("The recruiter's story to her family was that she would work in a hotel.")).not.toContain('disbelief/story');
    expect(fired("Ana's story to the police was short.")).toContain('disbelief/story');
  });
});

describe('explain', () => {
  it('says why a candidate did not fire: mention, instruction, negation, another party', () => {
    const why = (text: string) =>
      explain(text, builtInRules(), { isChild: true }).sentences.flatMap((s) => s.candidates.filter((c) => !c.fired).map((c) => c.why));
    expect(why('Avoid language that suggests she chose to stay.').join(' ')).toMatch(/mention/);
    expect(why('She did not choose to stay.').join(' ')).toMatch(/negated/);
    expect(why('If you are not sure whether she is telling the truth, say so in the credibility question.').join(' ')).toMatch(/instruction|generic/);
  });
});
