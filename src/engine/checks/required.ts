/**
 * Document-level elements a referral needs (act, means, purpose, when, where, own words, consent,
 * indicators). Each is present when its detectors fire in a section that can hold it.
 */
import type { CompiledRequired, RuleSet } from '../rule-set.js';
import type { BlockInfo } from '../analyze.js';
import { matchAt } from '../pattern.js';
import { firstAtOrAfter, sentenceAt, type Sentence } from '../tokenize.js';
import type { ElementName, FormElementName, MissingElement, Subject } from '../types.js';
import { applies, contextFor } from './terms.js';
import { negatedAt, readSentence, SPEECH_VERBS, type SentenceReading } from '../reading.js';
import { registerCache } from '../caches.js';

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';
const NUM = '(?:\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of|\\d+ or \\d+)';
export const DATE = new RegExp(
  [
    `\\b\\d{1,2}(?:st|nd|rd|th)? ${MONTH}\\b`,
    `\\b${MONTH},? (?:\\d{4}|of \\d{4})\\b`,
    `\\b(?:in|since|from|until|by|during|between|early|late|mid-?|last|this|around|about|before|after) ${MONTH}\\b`,
    `\\b(?:19[5-9]\\d|20[0-4]\\d)\\b`,
    `\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b`,
    `\\b(?:for|over|after|within|about|around|nearly|almost) (?:about |around |nearly |almost |over |more than |less than )?${NUM} (?:days?|weeks?|months?|years?|nights?)\\b`,
    `\\b${NUM} (?:days?|weeks?|months?|years?) (?:ago|earlier|later|before)\\b`,
    `\\blast (?:week|month|year|summer|winter|spring|autumn|christmas|weekend)\\b`,
    `\\b(?:yesterday|this (?:week|month|year)|recently|in recent (?:days|weeks|months)|(?:over|for|in) the (?:past|last) (?:few |couple of )?(?:days|weeks|months|years?))\\b`,
    `\\bwhen (?:he|she|they|i) (?:was|were) (?:aged |only |about )?\\d{1,2}\\b`,
    `\\b(?:at the age of|from the age of|since the age of) \\d{1,2}\\b`,
  ].join('|'),
  'i',
);
const BIRTH = /\b(?:born|birth|d\.?o\.?b)\b/i;
/** A statement of age: "15-year-old", "aged 34", "under 18", a date of birth, an age assessment or dispute. */
const AGE = /\b(?:\d{1,2}[- ]years?[- ]old|aged?:? \d{1,2}|age (?:is|of|was) (?:about |around )?\d{1,2}|(?:under|over) (?:18|eighteen)|date of birth|d\.?o\.?b|born (?:on|in) \d|age (?:is )?(?:unknown|uncertain|disputed|not known)|age assessment|age dispute)\b/i;


const VERBS_AFTER_NAMES = /^(?:said|says|told|tells|was|is|has|had|went|came|explained|described|lives|lived|worked|works|showed|stated|reported|arrived|left|met|walked|kept|became|remains)$/;
/** Per block text (its cached reading). */
const namesCache = new WeakMap<object, string[]>();

/** A cheap first test before the Unicode patterns: an ASCII capital, or any non-ASCII letter. */
function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || c > 127;
}

/** Capitalised words that name people in one block: after `Name:`, before a verb, an initial or "'s". */
function blockNames(b: BlockInfo): string[] {
  const hit = namesCache.get(b.local);
  if (hit) return hit;
  const names = new Set<string>();
  const nm = /\bName:\s*([A-Z][\p{L}'-]+)/u.exec(b.text);
  if (nm) names.add(nm[1]!.toLowerCase());
  for (const s of b.local.sentences) {
    const tokens = s.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!startsUpper(t.text)) continue;
      const next = tokens[i + 1];
      const nextIsInitial = next && /^\p{Lu}$/u.test(next.text) && tokens[i + 2]?.text === '.';
      // "Ade, 13, ..." names a person by their age
      const withAge = next?.text === ',' && /^\d{1,2}$/.test(tokens[i + 2]?.text ?? '');
      if (/^\p{Lu}\p{Ll}+$/u.test(t.text) && ((next && VERBS_AFTER_NAMES.test(next.norm)) || nextIsInitial || withAge || next?.norm === "'s")) names.add(t.norm);
      if (/^\p{Lu}\p{Ll}+'s$/u.test(t.text)) names.add(t.norm.replace(/'s$/, ''));
    }
  }
  const out = [...names];
  namesCache.set(b.local, out);
  return out;
}

const NEVER_NAMES = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'his', 'her', 'their', 'the', 'this', 'that', 'there', 'police', 'officers', 'staff', 'nobody', 'someone', 'everyone']);

/** Per block text: words written capitalised after a sentence's first word. */
const midCapsCache = new WeakMap<object, Set<string>>();

function midCaps(b: BlockInfo): Set<string> {
  let hit = midCapsCache.get(b.local);
  if (!hit) {
    hit = new Set<string>();
    for (const s of b.local.sentences) for (let i = 1; i < s.tokens.length; i++) if (startsUpper(s.tokens[i]!.text) && /^\p{Lu}\p{Ll}/u.test(s.tokens[i]!.text)) hit.add(s.tokens[i]!.norm.replace(/'s$/, ''));
    midCapsCache.set(b.local, hit);
  }
  return hit;
}

/** Per block text: how often each capitalised word occurs (names are capitalised), for the main name. */
const capCountsCache = new WeakMap<object, Map<string, [count: number, first: number]>>();

function capCounts(b: BlockInfo): Map<string, [count: number, first: number]> {
  let hit = capCountsCache.get(b.local);
  if (!hit) {
    hit = new Map();
    for (const s of b.local.sentences)
      for (const t of s.tokens) {
        if (!startsUpper(t.text)) continue;
        const c = hit.get(t.norm);
        if (c) c[0]++;
        else hit.set(t.norm, [1, hit.size]);
      }
    capCountsCache.set(b.local, hit);
  }
  return hit;
}

/** The people of a draft: the names it uses for people, every word it capitalises mid-sentence, and the person. */
interface People {
  names: Set<string>;
  mid: Set<string>;
  /** The person: the name the draft introduces them by, else `mostUsed`. */
  main?: string | null;
  /** The name the draft uses most. */
  mostUsed?: string | null;
}

/** A form's label for the person referred, before their name ("Child: Andrei POPESCU", "Name of PV: Lan"). */
const LABELLED = /^[\t ]*(?:[-•*][\t ]*)?(?:(?:full |first )?name(?: of (?:the )?(?:potential victim|pv|child|young person|person|adult))?|child|young person|potential victim|pv|adult|client|patient|service user|person referred|referred person|subject)[\t ]*[:–-][\t ]*(\p{Lu}\p{Ll}+)/imu;
/** A name written with the person's age or date of birth ("Malik, aged 16", "Ana Rusu (17)", "Tom is 15", "Tom, DOB ..."). */
const WITH_AGE = /(?<![\p{L}])(\p{Lu}\p{Ll}+)(?:[\t ]+\p{Lu}[\p{L}'-]+)?,?[\t ]+(?:aged?[\t ]+(?:about[\t ]+|around[\t ]+|approximately[\t ]+|roughly[\t ]+)?\d|is[\t ]+\d{1,2}(?![\d:/.,]\d)|\(\d{1,2}\)|DOB|born[\t ]+(?:on|in)?)/u;

const NOT_A_NAME = /^(?:child|children|person|adult|boy|girl|man|woman|male|female|victim|client|patient|pupil|student|he|she|they|the|a|an|mother|father|mum|dad|son|daughter|brother|sister|baby|infant|teenager|unknown|not|no|mr|mrs|ms|miss|dr|pv|name|age|aged|dob)$/;

/** Per block text (its cached reading): the name after a form's label for the person, and the first name given with an age. */
const introductions = new WeakMap<object, { labelled?: string; withAge?: string }>();

/**
 * The person as the draft introduces them near its top (its first blocks, about 4,000 characters): the name on
 * the form's label for them, or else the first name given with an age. Each block is read once for its text, so
 * an edit asks again only of the edited block.
 */
function introduced(blocks: readonly BlockInfo[]): string | undefined {
  let seen = 0;
  let withAge: string | undefined;
  for (const b of blocks) {
    if (seen >= 4000) break;
    let hit = introductions.get(b.local);
    if (!hit) introductions.set(b.local, (hit = { labelled: LABELLED.exec(b.text)?.[1], withAge: WITH_AGE.exec(b.text)?.[1] }));
    if (hit.labelled) return aName(hit.labelled);
    withAge ??= hit.withAge;
    seen += b.text.length + 1;
  }
  return withAge && aName(withAge);
}

/** The word as a name, if it is one (not "Child" or "Mr"). */
function aName(word: string): string | undefined {
  const w = word.toLowerCase();
  return NOT_A_NAME.test(w) ? undefined : w;
}

/** The people a draft names, and (on demand) the one it is about: the name it uses most. Once per set of blocks. */
export function peopleOf(blocks: readonly BlockInfo[]): { names: Set<string>; mid: Set<string>; main: () => string | undefined } {
  let hit = peopleOfBlocks.get(blocks);
  if (!hit) peopleOfBlocks.set(blocks, (hit = peopleOfDraft(blocks)));
  const h = hit;
  return {
    names: h.names,
    mid: h.mid,
    main: () => {
      // the name the draft introduces the person by (a form's label for them, or with their age), else the
      // name it uses most: an exploiter can be named more often than the person
      if (h.main === undefined) h.main = introduced(blocks) ?? (h.mostUsed !== undefined ? h.mostUsed : (h.mostUsed = mostUsed(blocks, h.names)));
      return h.main ?? undefined;
    },
  };
}

/** The name a draft uses most (in capitals), of those it uses for people. */
function mostUsed(blocks: readonly BlockInfo[], names: ReadonlySet<string>): string | null {
  const counts = new Map<string, number>();
  for (const b of blocks) {
    // (each name the block capitalises, in the order the block first writes them: a tie goes to the first)
    const caps = capCounts(b);
    let here: [string, number, number][] | undefined;
    for (const w of names) {
      const c = caps.get(w);
      if (c) (here ??= []).push([w, c[0], c[1]]);
    }
    if (!here) continue;
    if (here.length > 1) here.sort((x, y) => x[2] - y[2]);
    for (const [w, c] of here) counts.set(w, (counts.get(w) ?? 0) + c);
  }
  return [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
}

/** The people of one analysis of a draft (both checks that ask, ask of the same blocks). */
const peopleOfBlocks = new WeakMap<readonly BlockInfo[], People>();

/** The blocks read last and their people, for the next version of the same draft. */
let lastDraft: { blocks: readonly BlockInfo[]; people: People } | undefined;
registerCache({ clear: () => (lastDraft = undefined) });

/**
 * The names and capitals of a draft's blocks. An edit that changes neither in the blocks it touches (most
 * edits: a word, a sentence) keeps the last version's, so they are not gathered again from every block.
 */
function peopleOfDraft(blocks: readonly BlockInfo[]): People {
  const last = lastDraft;
  const same = last ? sameNames(last.blocks, blocks) : false;
  let hit: People;
  if (same) {
    hit = { names: last!.people.names, mid: last!.people.mid };
    // (and the same count of each name: the one used most is the same)
    if (same === 'counts' && last!.people.mostUsed !== undefined) hit.mostUsed = last!.people.mostUsed;
  } else {
    const mid = new Set<string>();
    for (const b of blocks) for (const w of midCaps(b)) mid.add(w);
    const names = new Set(blocks.flatMap(blockNames).filter((n) => !NEVER_NAMES.has(n) && mid.has(n)));
    hit = { names, mid };
  }
  lastDraft = { blocks, people: hit };
  return hit;
}

/**
 * Whether two versions of a draft have the same blocks but for a few with the same names and capitals
 * ('names'), and the same count of each capitalised word, in the same order, too ('counts').
 */
function sameNames(a: readonly BlockInfo[], b: readonly BlockInfo[]): 'names' | 'counts' | false {
  if (a.length !== b.length) return false;
  let changed = 0;
  let counts = true;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.local === b[i]!.local) continue;
    if (++changed > 3) return false;
    const [x, y] = [blockNames(a[i]!), blockNames(b[i]!)];
    if (x.length !== y.length || x.some((n, k) => y[k] !== n)) return false;
    const [mx, my] = [midCaps(a[i]!), midCaps(b[i]!)];
    if (mx.size !== my.size || [...mx].some((w) => !my.has(w))) return false;
    const [cx, cy] = [capCounts(a[i]!), capCounts(b[i]!)];
    counts &&= cx.size === cy.size && [...cx].every(([w, [n, first]]) => cy.get(w)?.[0] === n && cy.get(w)?.[1] === first);
  }
  return counts ? 'counts' : 'names';
}

/** Capitalised words that name people anywhere in this draft (also written capitalised mid-sentence). */
export function personNames(blocks: readonly BlockInfo[]): Set<string> {
  return peopleOf(blocks).names;
}

/**
 * Whether a sentence names a place: a capitalised word after a preposition of place (the lexicon's
 * `place-preposition`) that is not a person's name or a capitalised non-place (`not-place`: months, days,
 * festivals, apps), or a postcode or a street address.
 */
function hasNamedPlace(set: RuleSet, s: Sentence, names: ReadonlySet<string>): boolean {
  const PREP = set.lexicon.get('place-preposition') ?? new Set<string>();
  const NOT_PLACES = set.lexicon.get('not-place') ?? new Set<string>();
  const t = s.tokens;
  for (let i = 0; i + 1 < t.length; i++) {
    if (!PREP.has(t[i]!.norm)) continue;
    let k = i + 1;
    if (t[k]?.norm === 'the') k++;
    const w = t[k];
    if (!w || !w.isWord || !/^\p{Lu}\p{Ll}/u.test(w.text)) continue;
    const n = w.norm.replace(/'s$/, '');
    if (NOT_PLACES.has(n) || names.has(n)) continue;
    return true;
  }
  const words = t.map((x) => x.text).join(' ');
  return /\b[A-Z]{1,2}\d{1,2}[A-Z]? ?\d[A-Z]{2}\b/.test(words) || /\b\d+[a-z]? [A-Z][a-z]+ (?:Street|Road|Avenue|Lane|Close|Drive|Way|Court|Place|Crescent|Terrace|Gardens|Grove|Hill|Parade|Square)\b/.test(words);
}

/**
 * Whether a quotation at `start` (block offsets) is the person's words: not attributed to another party.
 * A named speaker who is not the person the draft is about (`main`, the name it uses most) is another party.
 */
function quoteIsPersons(b: BlockInfo, start: number, mainOf: () => string | undefined): boolean {
  const s = sentenceAt(b.local.sentences, start);
  if (!s) return true;
  const r = readSentence(s, b.text, b.local.quotes);
  const after = firstAtOrAfter(s.tokens, start + 1);
  const i = after < s.tokens.length ? after : -1;
  if (i >= 0 && r.voice[i] === 'other') return false;
  for (let k = i - 1; k >= 0; k--) {
    if (!SPEECH_VERBS.has(s.tokens[k]!.norm)) continue;
    const subj = r.clauses[r.clauseOf[k]!]!.subject;
    const name = subj && /^\p{Lu}\p{Ll}/u.test(subj.text) ? subj.text.split(' ')[0]!.toLowerCase() : undefined;
    if (!name || subj!.role !== 'person') return true;
    const main = mainOf();
    return !(main && name !== main);
  }
  return true;
}

export interface ElementResult {
  element: ElementName | FormElementName;
  rule: CompiledRequired;
  present: boolean;
  evidence?: { start: number; end: number };
  /** The senses (and detectors) that matched, in document order of their first evidence. */
  senses: string[];
}

/** A "Label: value" line whose value is a placeholder or says the answer is not there yet. */
const EMPTY_FIELD = /^[\t ]*(?:[-•*][\t ]*)?[^:\n.]{2,80}:[\t ]*(?:\[[^\]\n]*\]|\(?(?:not (?:yet )?(?:known|obtained|discussed|asked|given|recorded|available|completed|done|confirmed|taken|raised|sought|clear|established)|unknown|n\/a|none(?: yet)?|tbc|tbd|to be (?:confirmed|completed|added|obtained|discussed|agreed|sought|taken|raised)|pending|awaited|to follow|nil|dd\/mm\/yyyy)\b|-+[\t ]*$|\.\.\.|…)/i;

/** A hit, with the name of the one speaking where the draft's own-words depend on who that is. */
type Hit = { start: number; end: number; speaker?: string };
/** Per rule, per group: hits in order; a group stops at its first hit that needs no speaker check. */
type Hits = Map<CompiledRequired, Map<string, Hit[]>>;
/** The same as a list of groups for each rule, which a re-lint reads without allocating. */
type HitList = Map<CompiledRequired, { group: string; hits: Hit[] }[]>;

/** Per rule set, per block text (its cached reading), per sections. */
const blockHits = new WeakMap<RuleSet, WeakMap<object, Map<string, HitList>>>();

/** A block's section kinds as a key (per set of kinds: blocks under one heading share theirs). */
const sectionKeys = new WeakMap<ReadonlySet<string>, string>();
function sectionsKey(sections: ReadonlySet<string>): string {
  let key = sectionKeys.get(sections);
  if (key === undefined) sectionKeys.set(sections, (key = [...sections].join(',')));
  return key;
}

/** Whether a block's sections can hold a rule's element (not the checker's own notes, not a section it excludes). */
function canHold(rule: CompiledRequired, sections: ReadonlySet<string>): boolean {
  return !sections.has('checker-notes') && !excludes(rule, sections);
}

/** Whether one of a block's sections is one a rule leaves out (background, plans). */
function excludes(rule: CompiledRequired, sections: ReadonlySet<string>): boolean {
  if (!sections.size) return false;
  let per = excluded.get(sections);
  if (!per) excluded.set(sections, (per = new Map()));
  let v = per.get(rule);
  if (v === undefined) per.set(rule, (v = [...sections].some((k) => rule.excludeSections.has(k))));
  return v;
}
/** Per set of section kinds (blocks under one heading share theirs), per rule. */
const excluded = new WeakMap<ReadonlySet<string>, Map<CompiledRequired, boolean>>();

/** The cache of blocks' hits for a rule set. */
function hitsFor(set: RuleSet): WeakMap<object, Map<string, HitList>> {
  let perSet = blockHits.get(set);
  if (!perSet) blockHits.set(set, (perSet = new WeakMap()));
  return perSet;
}

/** Pattern and quote hits of one block, offsets relative to the block; cached by its text and sections. */
function hitsOf(set: RuleSet, b: BlockInfo, perSet: WeakMap<object, Map<string, HitList>>): HitList {
  let cache = perSet.get(b.local);
  if (!cache) perSet.set(b.local, (cache = new Map()));
  const key = sectionsKey(b.sections);
  const hit = cache.get(key);
  if (hit) return hit;
  const hits: Hits = new Map();
  const note = (rule: CompiledRequired, g: string, start: number, end: number, speaker?: string) => {
    let m = hits.get(rule);
    if (!m) hits.set(rule, (m = new Map()));
    const list = m.get(g);
    if (!list) m.set(g, [{ start, end, ...(speaker ? { speaker } : {}) }]);
    else if (list.length < 8) list.push({ start, end, ...(speaker ? { speaker } : {}) });
  };
  const settled = (rule: CompiledRequired, g: string) => hits.get(rule)?.get(g)?.some((h) => !h.speaker) ?? false;
  const notes = b.sections.has('checker-notes');
  const eligible = notes ? [] : set.required.filter((r) => !excludes(r, b.sections));
  for (const s of b.local.sentences) {
    const st = b.text.slice(s.start, s.end);
    // a form's field left open ("Consent to NRM referral: not yet discussed", "Address: [to be added]") names
    // the element only to say it is missing
    if (EMPTY_FIELD.test(st)) continue;
    let reading: SentenceReading | undefined;
    let dated = !BIRTH.test(st) ? DATE.exec(st) : null;
    // another party's guess at a date ("her brother believes it started around 2019") does not date it, nor
    // does the date of the draft or of the referrer's own contact ("I first met her on 4 February", "she
    // consented to the referral on 25 February": the lexicon's `service-event`)
    if (dated) {
      const at = s.tokens.findIndex((t) => t.start >= s.start + dated!.index);
      reading = readSentence(s, b.text, b.local.quotes);
      if (at >= 0 && reading.voice[at] === 'other' && speculated(set, s.tokens, reading, at)) dated = null;
      else if (at >= 0 && isServiceDate(set, s.tokens, reading, at)) dated = null;
    }
    for (const rule of eligible) {
      if (dated && rule.detectors.includes('date')) note(rule, 'date', s.start + dated.index, s.start + dated.index + dated[0].length);
      const aged = rule.detectors.includes('age') ? AGE.exec(st) : null;
      if (aged) note(rule, 'age', s.start + aged.index, s.start + aged.index + aged[0].length);
    }
    let ctx: ReturnType<typeof contextFor> | undefined;
    for (let i = 0; i < s.tokens.length; i++) {
      const cands = set.requiredTriggers.get(s.tokens[i]!.norm);
      if (!cands) continue;
      for (const { rule, group, pattern } of cands) {
        if (!eligible.includes(rule) || settled(rule, group)) continue;
        ctx ??= contextFor(b.text, { ...s, start: s.start, end: s.end }, 0);
        const m = matchAt(pattern, ctx, i);
        if (!m) continue;
        // An element counts only where the draft asserts it: not negated ("he was not forced"), not a statement
        // about people in general, and not in another party's quoted words.
        reading ??= readSentence(s, b.text, b.local.quotes);
        const c = reading.clauses[reading.clauseOf[m.from]!]!;
        // the subject of a denied verb is not asserted either ("consent to the referral has not been discussed")
        const inDeniedSubject = c.subject !== undefined && m.from >= c.subject.from && m.from < c.subject.to && c.verb?.negated === true;
        if (negatedAt(reading, m.from) || inDeniedSubject || c.generic || reading.voice[m.from] === 'generic') continue;
        // another party's belief or rumour ("her friend believes the boss may have threatened her") is not an
        // assertion the draft can rest on
        if (reading.voice[m.from] === 'other' && speculated(set, s.tokens, reading, m.from)) continue;
        let speaker: string | undefined;
        if (rule.element === 'own-words') {
          // the person's words: not another party's, not the writer's own ("I explained"), and a named speaker
          // must be the person the draft is about (checked against the draft's main name when merging)
          // a clause with no subject of its own ("... and said she is staying") shares the one before it
          let k = reading.clauseOf[m.from]!;
          while (k > 0 && !reading.clauses[k]!.subject) k--;
          const subj = reading.clauses[k]!.subject;
          if (reading.voice[m.from] === 'other' || subj?.role === 'writer' || subj?.role === 'other') continue;
          // (the capitalised words of the subject name the speaker: "Mrs Harcourt-Lyle also told me")
          const capitalised = subj ? subj.text.split(' ').filter((w) => /^\p{Lu}/u.test(w)) : [];
          const named = subj && (subj.role === 'person' || subj.role === 'thing') && /^\p{Lu}\p{Ll}/u.test(subj.text) && !/^(?:he|she|they|it|the|his|her|their|this|that|these|those|a|an)$/i.test(subj.text.split(' ')[0]!) && capitalised.length ? capitalised : undefined;
          if (named) speaker = named.map((w) => w.toLowerCase().replace(/'s$/, '')).join(' ');
        }
        note(rule, group, s.tokens[m.from]!.start, s.tokens[m.to - 1]!.end, speaker);
      }
    }
  }
  const list: HitList = new Map([...hits].map(([rule, groups]) => [rule, [...groups].map(([group, h]) => ({ group, hits: h }))]));
  cache.set(key, list);
  return list;
}

/** Where the person lives or stays now: a field label such as "Lives with", "Current address", "Placed at" (the lexicon's `residence-label`). */
function isResidenceLabel(set: RuleSet, label: string): boolean {
  const words = label.trim().toLowerCase().split(/[^\p{L}]+/u);
  const labels = set.lexicon.get('residence-label');
  return !!labels && (labels.has(words[0] ?? '') || labels.has(words.slice(0, 2).join(' ')));
}

/** The label in front of a block on its line: "Lives with: ..." in text, or a table row's first cell. */
function lineLabel(text: string, b: BlockInfo): string {
  const lineStart = text.lastIndexOf('\n', b.block.start - 1) + 1;
  return text.slice(lineStart, b.block.start) || b.text;
}

/** Whether the report that holds token `at` comes from a verb of belief or hearsay (the lexicon's `hearsay`: "believes", "claims", "heard"). */
function speculated(set: RuleSet, tokens: readonly { norm: string }[], r: SentenceReading, at: number): boolean {
  const hearsay = set.lexicon.get('hearsay');
  for (let k = r.clauseOf[at]!; k >= 0; k--) {
    const c = r.clauses[k]!;
    if (c.reports) return !!hearsay && tokens.slice(c.from, c.to).some((t) => hearsay.has(t.norm));
  }
  return false;
}

/** Whether the date at token `at` is the referrer's own contact or the draft's process, not the exploitation. */
function isServiceDate(set: RuleSet, tokens: readonly { norm: string }[], r: SentenceReading, at: number): boolean {
  const c = r.clauses[r.clauseOf[at]!]!;
  const events = set.lexicon.get('service-event');
  const words = tokens.slice(c.from, c.to).map((t) => t.norm);
  // a "Label: date" line such as "Date of draft: 14 March 2025"
  const label = tokens.slice(0, at).map((t) => t.norm);
  if (label.includes('date') && label.some((w) => events?.has(w))) return true;
  return c.subject?.role === 'writer' || words.some((w) => events?.has(w));
}

/** Whether a sentence passes on another party's belief or rumour ("her brother thinks she may have been in Bradford"). */
function hearsay(set: RuleSet, s: BlockInfo['local']['sentences'][number], b: BlockInfo): boolean {
  const r = readSentence(s, b.text, b.local.quotes);
  const at = r.voice.indexOf('other');
  return at >= 0 && speculated(set, s.tokens, r, at);
}

/** A named speaker is the person when the draft's main name is theirs, or the draft names no one most. */
function speakerIsPerson(speaker: string, people: ReturnType<typeof peopleOf>): boolean {
  const main = people.main();
  return !main || speaker.split(' ').includes(main);
}

export function checkRequired(set: RuleSet, blocks: readonly BlockInfo[], subject: Subject, text = ''): ElementResult[] {
  const rules = set.required.filter((r) => applies(r.meta.scope, subject));
  const found = new Map<CompiledRequired, Map<string, { start: number; end: number }>>(rules.map((r) => [r, new Map()]));
  let names: Set<string> | undefined;
  let people: ReturnType<typeof peopleOf> | undefined;
  const accs = rules.map((r) => found.get(r)!);
  const quoted = rules.map((r) => r.detectors.includes('quoted-words'));
  const placed = rules.map((r) => r.detectors.includes('named-place'));
  const perSet = hitsFor(set);
  for (const b of blocks) {
    // Once every element is present, later blocks cannot change the answer: its evidence is the first hit
    // in document order, already found.
    let complete = true;
    for (let r = 0; r < rules.length && complete; r++) complete = accs[r]!.size >= rules[r]!.minGroups;
    if (complete) break;
    const hits = hitsOf(set, b, perSet);
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      const acc = accs[r]!;
      const groups = hits.get(rule);
      for (let k = 0; groups && k < groups.length; k++) {
        const { group, hits: list } = groups[k]!;
        if (acc.has(group)) continue;
        // a named speaker counts only when it is the person the draft is about
        for (const h of list) {
          if (h.speaker && !speakerIsPerson(h.speaker, (people ??= peopleOf(blocks)))) continue;
          acc.set(group, { start: h.start + b.block.start, end: h.end + b.block.start });
          break;
        }
      }
      // The person's own words: a quotation of three words or more not attributed to another named party.
      if (quoted[r] && !acc.has('quoted-words') && b.local.quotes.length && canHold(rule, b.sections)) {
        const q = b.local.quotes.find((x) => x.inner.trim().split(/\s+/).length >= 3 && quoteIsPersons(b, x.start, (people ??= peopleOf(blocks)).main));
        if (q) acc.set('quoted-words', { start: q.start + b.block.start, end: q.end + b.block.start });
      }
      if (placed[r] && !acc.has('named-place') && !b.sections.has('checker-notes')) {
        // Background and plans do not place the exploitation, except where the person lives or stays now:
        // the form asks for it, and it decides which police force is contacted.
        const excluded = excludes(rule, b.sections);
        const residence = excluded && isResidenceLabel(set, lineLabel(text, b));
        if (excluded && !residence) continue;
        for (const s of b.local.sentences) {
          const st = b.text.slice(s.start, s.end);
          if (!BIRTH.test(st) && hasNamedPlace(set, s, (names ??= (people ??= peopleOf(blocks)).names)) && !hearsay(set, s, b)) {
            acc.set('named-place', { start: s.start + b.block.start, end: s.end + b.block.start });
            break;
          }
        }
      }
    }
  }
  return rules.map((rule) => {
    const acc = found.get(rule)!;
    const ordered = [...acc].sort((x, y) => x[1].start - y[1].start);
    return { element: rule.element, rule, present: acc.size >= rule.minGroups, evidence: ordered[0]?.[1], senses: ordered.map(([g]) => g) };
  });
}

export function toMissing(r: ElementResult): MissingElement {
  return {
    // A core rule set holds only core elements; the form's own set reports its elements the same way.
    element: r.element as ElementName,
    rule: r.rule.meta.id,
    message: r.rule.meta.message,
    question: r.rule.question,
    rationale: r.rule.meta.rationale,
    source: r.rule.meta.source,
    // an element that needs several kinds (indicators) says which it found
    ...(r.senses.length ? { found: r.senses.map((g) => g.replace(/-/g, ' ')) } : {}),
  };
}
