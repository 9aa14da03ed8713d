/**
 * About whom a finding's sentence speaks. Disbelief and victim-blaming are about the person referred: the
 * writer doubting the person's account or blaming the person. The same words with another named party as
 * the subject ("A debt Nicu claims the family owes", "Vasile chose the shifts") doubt or blame someone else,
 * often the exploiter, which a referral may well do. The draft says who is who: the person is the one it
 * introduces (on a form's label for them, or with their age), else the name it uses most, together with the
 * names written beside theirs ("Andrei POPESCU", "Popescu, Andrei"); another name it uses for people, standing
 * as the subject with neither the person's name nor a pronoun beside it, is another party. Only the rules
 * that judge the person (`about: person`) are read this way.
 */
import type { BlockInfo } from '../analyze.js';
import { readSentence } from '../reading.js';
import { firstAtOrAfter, sentenceAt } from '../tokenize.js';
import type { Finding } from '../types.js';
import { peopleOf } from './required.js';

/** The sentence at block offset `rel`, the token there, and the subject of its clause (none: null). */
function subjectAt(b: BlockInfo, rel: number) {
  const s = sentenceAt(b.local.sentences, rel);
  if (!s) return null;
  const i = firstAtOrAfter(s.tokens, rel);
  if (i >= s.tokens.length) return null;
  const r = readSentence(s, b.text, b.local.quotes);
  const subject = r.clauses[r.clauseOf[i]!]?.subject;
  return subject ? { s, i, subject } : null;
}

/** Whether the clause of a finding at block offset `rel` has another named party as its subject. */
function subjectIsAnotherParty(b: BlockInfo, rel: number, relEnd: number, names: Pick<ReadonlySet<string>, 'has'>, person: ReadonlySet<string>): boolean {
  const at = subjectAt(b, rel);
  if (!at) return false;
  const { s, i, subject } = at;
  // a label or heading before a colon or a line break is not the subject of what follows ("Officer's
  // observations\nI have recorded ...")
  if (s.tokens.slice(subject.from, i).some((t) => t.text === ':') || b.text.slice(s.tokens[subject.from]!.start, rel).includes('\n')) return false;
  const words = s.tokens.slice(subject.from, subject.to);
  if (subject.role === 'writer') return false;
  // the finding is itself part of the subject ("her boyfriend Nicu", "Anna's claims"): it names, not predicates
  if (words.some((t) => t.start < relEnd && rel < t.end)) return false;
  // the subject's head, the last word before the verb, is the one doing the claiming or choosing
  const head = words[words.length - 1]!;
  const norm = head.norm.replace(/'s$/, '');
  if (!/^\p{Lu}/u.test(head.text) || person.has(norm) || !names.has(norm)) return false;
  return !words.some((t) => /^(?:he|she|they|him|her|his)$/.test(t.norm));
}

const HE = new Set(['he', 'him', 'his', 'himself']);
const SHE = new Set(['she', 'her', 'hers', 'herself']);
const pronounCounts = new WeakMap<object, { key: string; he: number; she: number }>();

/**
 * The pronoun that is not the person's, where the draft makes the person's plain: in the sentences that name
 * the person and the sentence after each, one of he or she at least three times and twice as often as the
 * other. Null when it does not (or uses they).
 */
function otherPronoun(blocks: readonly BlockInfo[], person: ReadonlySet<string>): 'he' | 'she' | null {
  let he = 0;
  let she = 0;
  const key = [...person].join(' ');
  for (const b of blocks) {
    // (counted once per block text and person: a re-lint after an edit counts only the edited block again)
    let c = pronounCounts.get(b.local);
    if (c?.key !== key) {
      c = { key, he: 0, she: 0 };
      const ss = b.local.sentences;
      for (let k = 0; k < ss.length; k++) {
        if (!ss[k]!.tokens.some((t) => person.has(t.norm.endsWith("'s") ? t.norm.slice(0, -2) : t.norm))) continue;
        for (const t of ss[k]!.tokens.concat(ss[k + 1]?.tokens ?? [])) {
          if (HE.has(t.norm)) c.he++;
          else if (SHE.has(t.norm)) c.she++;
        }
      }
      pronounCounts.set(b.local, c);
    }
    he += c.he;
    she += c.she;
  }
  if (she >= 3 && she >= 2 * he) return 'he';
  if (he >= 3 && he >= 2 * she) return 'she';
  return null;
}

/** The block a finding starts in (`spans`: the blocks' spans, in order). */
function blockOf(blocks: readonly BlockInfo[], spans: readonly { start: number; end: number }[], f: Finding): BlockInfo | undefined {
  return blocks[firstAtOrAfter(spans, f.start + 1) - 1];
}

/** Whether the clause of a finding has the pronoun `word` alone as its subject. */
function subjectIsPronoun(blocks: readonly BlockInfo[], spans: readonly { start: number; end: number }[], f: Finding, word: 'he' | 'she'): boolean {
  const b = blockOf(blocks, spans, f);
  const at = b && subjectAt(b, f.start - b.block.start);
  if (!at) return false;
  const { s, i, subject } = at;
  return subject.to - subject.from === 1 && s.tokens[subject.from]!.norm === word && subject.to <= i;
}

/** Per block text (its cached reading): the capitalised words written next to the person's name there. */
const besideName = new WeakMap<object, { main: string; words: string[] }>();

/** The words of the person's name: the name the draft uses most and the capitalised words written next to it. */
function personWords(main: string, blocks: readonly BlockInfo[]): Set<string> {
  const words = new Set([main]);
  for (const b of blocks) {
    let hit = besideName.get(b.local);
    if (hit?.main !== main) besideName.set(b.local, (hit = { main, words: wordsBeside(main, b.text) }));
    for (const w of hit.words) words.add(w);
  }
  return words;
}

/** The capitalised words written next to a name in one block's text: "Andrei POPESCU", "POPESCU, Andrei". */
function wordsBeside(main: string, text: string): string[] {
  const words: string[] = [];
  // as the draft writes it: "Andrei", or in capitals, "ANDREI"
  for (const name of [main.charAt(0).toUpperCase() + main.slice(1), main.toUpperCase()]) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      if (/\p{L}/u.test(text[at - 1] ?? '') || /\p{L}/u.test(text[at + name.length] ?? '')) continue;
      // "Andrei POPESCU", "Andrei Popescu" after it; "POPESCU, Andrei", "Popescu Andrei" before it
      const after = /^\s+(\p{Lu}[\p{L}'-]+)/u.exec(text.slice(at + name.length, at + name.length + 40));
      const before = /(\p{Lu}[\p{L}'-]+),?\s+$/u.exec(text.slice(Math.max(0, at - 40), at));
      if (after) words.push(after[1]!.toLowerCase());
      if (before) words.push(before[1]!.toLowerCase());
    }
  }
  return words;
}

/**
 * The findings without those whose sentence is about another named party, not the person: for the rules that
 * judge the person (`about: person`), not those that label someone wherever they stand ("his older mate").
 */
export function aboutThePerson(findings: Finding[], blocks: readonly BlockInfo[], notNames: ReadonlySet<string>, personRules: ReadonlySet<string>): Finding[] {
  if (!findings.some((f) => personRules.has(f.rule))) return findings;
  const people = peopleOf(blocks);
  // (a draft that neither introduces the person nor names anyone with a cue is left as it is)
  const main = people.main();
  if (!main) return findings;
  const person = personWords(main, blocks);
  // the pronoun the draft uses for the person: a clause whose subject is the other one is about someone else
  // ("Aisha ... she ..."; "He claimed the return ticket had been booked" is the man with her)
  const spans = blocks.map((x) => x.block);
  const other = otherPronoun(blocks, person);
  if (other) findings = findings.filter((f) => !personRules.has(f.rule) || !subjectIsPronoun(blocks, spans, f, other));
  // people the draft names (with a cue such as "Nicu said"), and words it capitalises mid-sentence that are not
  // months, days, places or apps
  // (asked of a finding's subject only: not gathered into a set at every re-lint)
  const named = { has: (w: string) => !person.has(w) && (people.names.has(w) || (people.mid.has(w) && !notNames.has(w))) };
  return findings.filter((f) => {
    if (!personRules.has(f.rule)) return true;
    const b = blockOf(blocks, spans, f);
    if (!b) return true;
    return !subjectIsAnotherParty(b, f.start - b.block.start, f.end - b.block.start, named, person);
  });
}
