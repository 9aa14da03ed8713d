/**
 * The sentence layer: how one sentence is read. For each clause, its subject (and whose it is), its verb with
 * tense, modal and negation; for each word, whose words they are: the writer's own narrative, the person's
 * (quoted, or reported after "she said that ..."), another party's, or a generic statement about people in
 * general. Lexical and linear: no part-of-speech tagging, so it can run on every sentence a rule asks about
 * without slowing the lint. Computed only for sentences where some rule has a candidate match, and cached
 * by the sentence's text.
 */
import type { QuoteSpan } from './quotes.js';
import type { Sentence, Token } from './tokenize.js';
import { registerCache } from './caches.js';

/**
 * Whose words a token is. `mention`: words named as language rather than used ("avoid language that sounds
 * like they put themselves at risk", "words such as 'runner'").
 */
export type Voice = 'writer' | 'person' | 'other' | 'generic' | 'mention';
/** Who a clause's subject is. */
export type Role = 'writer' | 'person' | 'other' | 'generic' | 'thing' | 'none';

export interface VerbReading {
  /** Token index of the main verb (or of the first auxiliary where the verb is not found). */
  at: number;
  text: string;
  modal?: string;
  tense: 'past' | 'present' | 'future' | 'unknown';
  negated: boolean;
}

export interface ClauseReading {
  /** Token range `[from, to)` within the sentence. */
  from: number;
  to: number;
  subject?: { from: number; to: number; text: string; role: Role };
  verb?: VerbReading;
  /** Token indexes of negators in the clause ("not", "never", "no", "nobody", "-n't", "without", ...). */
  negators: number[];
  /** A statement about people in general ("A 15-year-old cannot consent ...", "Victims often ..."). */
  generic: boolean;
  /** A reporting verb heads this clause: what follows is someone's reported words. */
  reports?: Voice;
  /**
   * The writer's advice or instruction to whoever reads or acts on the draft, whatever its subject: "Officers
   * should treat ...", "Colleagues must not ..." (should, must, ought or shall with a verb of now or later; not
   * "the boss should have paid her", which tells what another party did not do).
   */
  directive?: boolean;
}

export interface SentenceReading {
  clauses: ClauseReading[];
  /** Per token: the index of its clause. */
  clauseOf: number[];
  /** Per token: whose words it is. */
  voice: Voice[];
  /**
   * Per token: who owns it by a possessive just before it ("the recruiter's story": another party; "Ana's
   * story": the person), where there is one.
   */
  owner: (Role | undefined)[];
}

const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'neither', 'nor', 'none', 'without', 'cannot', 'nowhere', 'hardly', 'barely']);
const NEG_PAIRS = new Set(['no one', 'no-one', 'not once', 'no longer']);
/** Words that end a clause's scope (a comma or a conjunction starts another clause). */
const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '—', '–', '[', ']']);
const CLAUSE_WORDS = new Set(['and', 'but', 'because', 'although', 'though', 'while', 'whereas', 'when', 'whenever', 'if', 'unless', 'after', 'before', 'until', 'since', 'which', 'who', 'whom', 'where', 'once', 'so', 'or', 'as']);
const AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", "'re", 'has', 'have', 'had', 'having', 'do', 'does', 'did', "'ve", "'d", "'ll"]);
const MODALS = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'cannot', 'ought']);
/** Modals that make a clause the writer's advice or instruction (ClauseReading.directive). */
const DIRECTIVE = new Set(['should', 'must', 'ought', 'shall']);
const PRESENT = new Set(['is', 'are', 'am', 'has', 'have', 'do', 'does', "'s", "'re", "'ve", 'can', 'cannot', 'may', 'must', 'should']);
const PAST = new Set(['was', 'were', 'had', 'did', 'could', 'would', 'might']);

/** Verbs of speaking and reporting: their subject owns the clause they introduce. */
export const SPEECH_VERBS = new Set([
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'state', 'states', 'stated', 'stating', 'explain', 'explains', 'explained',
  'explaining', 'describe', 'describes', 'described', 'describing', 'disclose', 'discloses', 'disclosed', 'disclosing', 'report', 'reports',
  'reported', 'reporting', 'recall', 'recalls', 'recalled', 'recount', 'recounts', 'recounted', 'add', 'adds', 'added', 'reply', 'replies',
  'replied', 'answer', 'answers', 'answered', 'write', 'writes', 'wrote', 'text', 'texts', 'texted', 'mention', 'mentions', 'mentioned',
  'admit', 'admits', 'admitted', 'claim', 'claims', 'claimed', 'claiming', 'allege', 'alleges', 'alleged', 'insist', 'insists', 'insisted',
  'maintain', 'maintains', 'maintained', 'ask', 'asks', 'asked', 'shout', 'shouted', 'warn', 'warns', 'warned', 'threaten', 'threatened',
  'threatens', 'promise', 'promised', 'promises', 'confirm', 'confirms', 'confirmed', 'deny', 'denies', 'denied', 'agree', 'agreed',
  'agrees', 'think', 'thinks', 'thought', 'believe', 'believes', 'believed', 'feel', 'feels', 'felt', 'know', 'knows', 'knew', 'fear',
  'fears', 'feared', 'worry', 'worries', 'worried', 'call', 'calls', 'called',
]);
const FREQUENCY = new Set(['often', 'commonly', 'usually', 'typically', 'frequently', 'sometimes', 'generally', 'routinely', 'regularly', 'rarely', 'seldom', 'tend', 'tends']);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it']);
const ADVERB = /^(?:\w+ly|also|still|never|just|only|always|often|now|then|even|already|sometimes)$/;
/** Irregular past forms, so "She said", "He took", "They kept" find their verb. */
const IRREGULAR_PAST = new Set([
  'said', 'told', 'went', 'took', 'made', 'kept', 'gave', 'got', 'left', 'came', 'brought', 'thought', 'knew', 'felt', 'sent', 'paid', 'met',
  'ran', 'saw', 'began', 'held', 'found', 'sold', 'bought', 'drove', 'became', 'lost', 'spent', 'slept', 'stood', 'sat', 'wrote', 'spoke',
  'hid', 'fled', 'taught', 'caught', 'fought', 'forgot', 'understood', 'rang', 'swore', 'threw', 'woke', 'stole', 'broke', 'chose', 'gone', 'done', 'seen',
]);
/** Of the speech verbs, those whose complement is a reported statement rather than a name ("called him Zee"). */
const NAMING = new Set(['call', 'calls', 'called']);
const WRITER = new Set(['i', 'we', 'me', 'us', 'my', 'our']);
const PERSON_PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'his', 'their']);
/** Nouns for the person the referral is about. */
const PERSON_NOUNS = new Set(['child', 'boy', 'girl', 'pv', 'victim', 'teenager', 'youngster', 'client', 'person', 'young', 'woman', 'man', 'mother', 'father', 'pupil', 'patient']);
/** Other parties: exploiters, family, professionals, records. */
const OTHER_NOUNS = new Set([
  'mother', 'father', 'mum', 'dad', 'aunt', 'aunty', 'auntie', 'uncle', 'brother', 'sister', 'cousin', 'grandmother', 'nan', 'parents', 'family',
  'boss', 'bosses', 'employer', 'recruiter', 'agent', 'landlord', 'landlady', 'manager', 'owner', 'men', 'man', 'woman', 'women', 'gang',
  'exploiter', 'exploiters', 'trafficker', 'traffickers', 'driver', 'police', 'officer', 'officers', 'staff', 'teacher', 'school', 'nurse',
  'doctor', 'gp', 'worker', 'colleague', 'colleagues', 'neighbour', 'neighbours', 'witness', 'witnesses', 'partner', 'husband', 'wife',
  'friend', 'friends', 'carer', 'carers', 'council', 'records', 'report', 'bank', 'messages', 'interpreter', 'solicitor', 'they',
  'boyfriend', 'girlfriend', 'fiance', 'fiancé', 'son', 'daughter', 'grandfather', 'relative', 'relatives', 'housemate', 'flatmate',
  'caller', 'suspect', 'suspects', 'informant', 'source', 'supervisor', 'gangmaster', 'pimp', 'dealer', 'dealers',
]);
/** "ex-partner", "step-father", "former-boss": the relation without its prefix. */
const relation = (w: string) => w.replace(/^(?:ex|step|half|foster|former)-?(?=[a-z]{3})/, '');
/** Heads of a generic subject: people in general, not the person referred. */
const GENERIC_NOUNS = new Set([
  'children', 'child', 'victims', 'victim', 'people', 'person', 'adults', 'adult', 'workers', 'worker', 'migrants', 'girls', 'boys', 'women',
  'men', 'someone', 'anyone', 'anybody', 'somebody', 'everyone', 'individuals', 'families', 'young', 'teenagers', 'survivors', 'minors',
  'refugees', 'students', 'those', 'nobody', 'professionals', 'exploiters', 'traffickers', 'offenders', 'perpetrators', 'parents',
  'carers', 'teenage', 'vulnerable', 'trafficked', 'exploited', 'potential', 'survivor', 'many', 'trafficking', 'exploitation', 'slavery',
  'agencies', 'responders', 'decision', 'immigration', 'consent', 'age',
]);
const GENERIC_DETS = new Set(['a', 'an', 'any', 'no', 'every', 'many', 'most', 'some', 'all', 'such']);
const NOT_GERUNDS = new Set(['nothing', 'something', 'anything', 'everything', 'during', 'morning', 'evening', 'bring', 'thing', 'string', 'spring', 'king', 'ring', 'sing', 'wing', 'sibling', 'building', 'meeting', 'wedding', 'according', 'following', 'regarding', 'concerning', 'including']);
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'his', 'her', 'their', 'my', 'our', 'no', 'any', 'some']);
const DEFINITE = new Set(['the', 'his', 'her', 'their', 'this', 'that', 'these', 'my', 'our']);

export function isNegator(t: Token): boolean {
  return NEGATORS.has(t.norm) || t.norm.endsWith("n't");
}

const cache = registerCache(new Map<string, SentenceReading>());

/**
 * Reads one sentence. `text` holds the sentence at the tokens' offsets; `quotes` are the quoted spans of its
 * block (same offsets). Cached by the sentence's words, so shifted copies of a block share their reading.
 */
export function readSentence(s: Sentence, text: string, quotes: readonly QuoteSpan[]): SentenceReading {
  // the same sentence asked again (once for each quotation in it, say) is answered without re-keying it
  const same = lastRead.get(s);
  if (same?.quotes === quotes) return same.reading;
  const inQuote = quoteOfTokens(s.tokens, quotes);
  const key = `${s.tokens.map((t) => t.text).join(' ')}\u0000${inQuote.join(',')}`;
  let reading = cache.get(key);
  if (!reading) {
    reading = read(s.tokens, inQuote);
    if (cache.size > 20000) cache.clear();
    cache.set(key, reading);
  }
  lastRead.set(s, { quotes, reading });
  return reading;
}

const lastRead = new WeakMap<Sentence, { quotes: readonly QuoteSpan[]; reading: SentenceReading }>();

/**
 * For each token, the index of the quotation that holds it (-1: none). Quotations from findQuotes are in
 * order and do not overlap, so one pass over both does it (not a search of every quotation for every token).
 */
function quoteOfTokens(tokens: readonly Token[], quotes: readonly QuoteSpan[]): number[] {
  const out = new Array<number>(tokens.length).fill(-1);
  if (!quotes.length || !tokens.length) return out;
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.end <= tokens[0]!.start) lo = mid + 1;
    else hi = mid;
  }
  let q = lo;
  tokens.forEach((t, i) => {
    while (q < quotes.length && quotes[q]!.end <= t.start) q++;
    if (q < quotes.length && quotes[q]!.start <= t.start && t.end <= quotes[q]!.end) out[i] = q;
  });
  return out;
}

/** Whether a clause begins (after its comma) with "that": the reported words after an aside. */
function startsWithThat(tokens: readonly Token[], c: ClauseReading | undefined): boolean {
  if (!c) return false;
  const first = tokens[c.from]?.text === ',' ? c.from + 1 : c.from;
  return tokens[first]?.norm === 'that';
}

function read(tokens: readonly Token[], inQuote: number[]): SentenceReading {
  const n = tokens.length;
  const clauses: ClauseReading[] = [];
  const clauseOf = new Array<number>(n).fill(0);
  let from = 0;
  const close = (to: number) => {
    if (to > from) clauses.push(clause(tokens, from, to));
    from = to;
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (inQuote[i]! >= 0) continue;
    const inNumber = t.text === ',' && /\d$/.test(tokens[i - 1]?.text ?? '') && /^\d/.test(tokens[i + 1]?.text ?? '') && tokens[i + 1]!.start === t.end;
    if ((CLAUSE_PUNCT.has(t.text) && !inNumber) || (t.text === '-' && tokens[i - 1] && tokens[i - 1]!.end < t.start)) {
      close(i);
      continue;
    }
    // A conjunction starts a clause, except "and"/"or" joining two words of one phrase ("drugs and cash").
    if (i > from && CLAUSE_WORDS.has(t.norm) && !(t.norm === 'as' && tokens[i + 1]?.norm === 'well')) close(i);
  }
  close(n);
  clauses.forEach((c, k) => {
    for (let i = c.from; i < c.to; i++) clauseOf[i] = k;
    // "Children are collected ... and driven to other towns": a coordinated clause with no subject of its
    // own says what the clause before it says about the same subject
    const next = tokens[c.from + 1];
    const verbPhrase = !c.subject || (next !== undefined && /^\p{Ll}/u.test(next.text) && !DETERMINERS.has(next.norm) && !SUBJECT_PRONOUNS.has(next.norm) && !WRITER.has(next.norm));
    if (k > 0 && verbPhrase && clauses[k - 1]!.generic && /^(?:and|or|but|then)$/.test(tokens[c.from]!.norm)) c.generic = true;
    // "Nobody threatened or hit him", "he did not eat or sleep": a verb phrase joined by "or"/"nor" is under
    // the negation of the clause before it
    const prev = clauses[k - 1];
    if (k > 0 && !c.subject && prev!.negators.length && /^(?:or|nor)$/.test(tokens[c.from]!.norm) && prev!.verb && prev!.negators.some((x) => x <= prev!.verb!.at)) {
      c.negators.push(prev!.negators[0]!);
    }
  });

  // Whose words: quotes first, then reported clauses.
  const voice = new Array<Voice>(n).fill('writer');
  clauses.forEach((c) => {
    if (c.generic) for (let i = c.from; i < c.to; i++) voice[i] = 'generic';
  });
  // A reporting verb with a subject: the rest of the sentence (outside brackets) is that speaker's.
  for (let k = 0; k < clauses.length; k++) {
    const c = clauses[k]!;
    const sp = reporter(tokens, c);
    if (!sp) continue;
    c.reports = sp.voice;
    let depth = 0;
    for (let i = sp.from; i < n; i++) {
      const t = tokens[i]!;
      // the writer's own aside inside a report ("she says, and I cannot check this, that ...") stays the writer's
      const own = clauses[clauseOf[i]!]!;
      // (but "..., whether we could help her" is what was asked, not an aside)
      if (own !== c && own.subject?.role === 'writer' && !isComplement(tokens, own)) {
        i = own.to - 1;
        continue;
      }
      // and so is one set between commas before the reported words ("Kayden says, for what it's worth, that ...")
      if (clauseOf[i] === k + 1 && tokens[own.from]?.text === ',' && startsWithThat(tokens, clauses[k + 2])) {
        i = own.to - 1;
        continue;
      }
      if (t.text === '(' || t.text === '[') depth++;
      if (t.text === ')' || t.text === ']') {
        depth = Math.max(0, depth - 1);
        continue;
      }
      if (depth === 0 && voice[i] !== 'generic') voice[i] = sp.voice;
    }
    break;
  }
  // A claim named as a noun ("her claim that ...", "the claim made by an adult that ...") reports its owner's words.
  const nc = nounClaim(tokens);
  if (nc) for (let i = nc.from; i < nc.to; i++) if (voice[i] === 'writer' && inQuote[i]! < 0) voice[i] = nc.voice;
  // Quoted words belong to whoever a nearby reporting verb names; without one, to someone other than the writer.
  for (let i = 0; i < n; i++) {
    if (inQuote[i]! < 0) continue;
    voice[i] = quoteVoice(tokens, inQuote, i, clauses, clauseOf);
  }
  // Words named as language ("language that could sound like ...", "avoid terms such as ...") are mentioned.
  const m = mentionFrom(tokens);
  if (m >= 0) for (let i = m; i < n; i++) voice[i] = 'mention';
  // A definition ("This includes being used as ...", "Examples include ...") is about no one in particular.
  // (Also where a heading or form label ran into it without a full stop: "... or begging This includes ...".)
  for (let d = 0; d < n; d++) {
    // the head opens the sentence, or a heading runs into it, or an adjective stands before it ("Common
    // indicators include ...", "Criminal exploitation can include ...")
    const opensWithAdjective = d > 0 && d <= 2 && tokens.slice(0, d).every((t) => t.isWord && !DEFINITE.has(t.norm) && !SUBJECT_PRONOUNS.has(t.norm));
    if (!DEFINITION_HEADS.has(tokens[d]!.norm) || !(d === 0 || /^\p{Lu}/u.test(tokens[d]!.text) || opensWithAdjective)) continue;
    if (!DEFINITION.test(tokens.slice(d, d + 7).map((t) => t.norm).join(' '))) continue;
    const from = opensWithAdjective ? 0 : d;
    for (const c of clauses) if (c.from >= from) c.generic = true;
    for (let i = from; i < n; i++) if (voice[i] === 'writer') voice[i] = 'generic';
    break;
  }
  const owner = tokens.map((_, i) => {
    const prev = tokens[i - 1];
    if (!prev || prev.norm.length < 3 || !(prev.norm.endsWith("'s") || prev.norm.endsWith("s'"))) return undefined;
    return roleOfWords([{ ...prev, text: prev.text.replace(/['’]s?$/u, ''), norm: prev.norm.replace(/'s?$/, '') }]);
  });
  return { clauses, clauseOf, voice, owner };
}

/** A clause that is the content of a report or question: it opens with "whether", "if" or "that". */
function isComplement(tokens: readonly Token[], c: ClauseReading): boolean {
  let k = c.from;
  while (k < c.to && !tokens[k]!.isWord) k++;
  return k < c.to && /^(?:whether|if|that)$/.test(tokens[k]!.norm);
}

function quoteVoice(tokens: readonly Token[], inQuote: number[], i: number, clauses: ClauseReading[], clauseOf: number[]): Voice {
  const q = inQuote[i]!;
  let a = i;
  while (a > 0 && inQuote[a - 1] === q) a--;
  let b = i;
  while (b + 1 < tokens.length && inQuote[b + 1] === q) b++;
  // "..., he said" after the quote
  for (let k = b + 1; k < Math.min(tokens.length, b + 5); k++) {
    if (SPEECH_VERBS.has(tokens[k]!.norm) && !NAMING.has(tokens[k]!.norm)) {
      const who = tokens[k - 1];
      if (who) return roleToVoice(roleOfWords([who]));
    }
  }
  // a reporting verb before it, in the sentence
  for (let k = a - 1; k >= 0; k--) {
    if (inQuote[k]! >= 0) continue;
    if (SPEECH_VERBS.has(tokens[k]!.norm)) {
      const c = clauses[clauseOf[k]!]!;
      if (c.subject) return roleToVoice(c.subject.role);
      return 'other';
    }
  }
  // no one is named as saying it: in a referral, the person's words ("In Grace's words: "...")
  return 'person';
}

const CLAIM_NOUNS = new Set(['claim', 'claims', 'allegation', 'allegations', 'assertion', 'suggestion', 'belief', 'complaint']);

/**
 * A claim named as a noun and followed by what it says: "her claim that ...", "the allegation made by the
 * mother that ...". The words after "that" are the owner's: the person's after "his/her/their" or a name,
 * another party's otherwise.
 */
function nounClaim(tokens: readonly Token[]): { from: number; to: number; voice: Voice } | null {
  for (let i = 1; i < tokens.length; i++) {
    if (!CLAIM_NOUNS.has(tokens[i]!.norm)) continue;
    let j = i + 1;
    let agent: Token[] = [];
    if (tokens[j]?.norm === 'made' && tokens[j + 1]?.norm === 'by') {
      let k = j + 2;
      while (k < tokens.length && k < j + 7 && tokens[k]!.norm !== 'that') k++;
      agent = tokens.slice(j + 2, k) as Token[];
      j = k;
    }
    if (tokens[j]?.norm !== 'that') continue;
    const owner = tokens[i - 1]!;
    // what the claim says runs to the end of its sentence part ("...; Blessing, for her part, ..." is the writer's)
    let to = j + 1;
    while (to < tokens.length && !/^[;:—–]$/.test(tokens[to]!.text)) to++;
    const possessive = /^(?:his|her|their)$/.test(owner.norm) || /^\p{Lu}\p{Ll}+'s$/u.test(owner.text);
    if (possessive) return { from: j + 1, to, voice: 'person' };
    const role = agent.length ? roleOfWords(agent) : 'other';
    return { from: j + 1, to, voice: role === 'writer' ? 'writer' : role === 'person' ? 'person' : 'other' };
  }
  return null;
}

const LANGUAGE_NOUNS = new Set(['language', 'wording', 'words', 'phrases', 'phrasing', 'terms', 'labels', 'expressions', 'terminology']);
const LANGUAGE_CUES = new Set(['that', 'which', 'could', 'can', 'may', 'might', 'sound', 'sounds', 'suggest', 'suggests', 'suggesting', 'imply', 'implies', 'implying', 'like', 'such', 'as', 'including']);

/**
 * Where words named as language start: after "language (that could sound) like", "words such as", "terms
 * including" (the words that follow are examples of language, not statements). -1 when there are none.
 */
function mentionFrom(tokens: readonly Token[]): number {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!LANGUAGE_NOUNS.has(tokens[i]!.norm)) continue;
    let j = i + 1;
    while (j < tokens.length && j < i + 6 && LANGUAGE_CUES.has(tokens[j]!.norm)) j++;
    if (j > i + 1 && j < tokens.length) return j;
  }
  return -1;
}

const DEFINITION_HEADS = new Set(['this', 'these', 'it', 'example', 'examples', 'type', 'types', 'form', 'forms', 'sign', 'signs', 'indicator', 'indicators', 'exploitation']);
/** The opening of a definition: "This includes ...", "Examples include ...", "It can involve ...". */
const DEFINITION = /^(?:this|these|it|examples?|types?|forms?|signs?|indicators?|exploitation)(?: of [a-z-]+(?: [a-z-]+)?)? (?:also |can |may |might |could |often |will )?(?:includes?|involves?|covers?|refers? to)\b/;

function roleToVoice(r: Role): Voice {
  if (r === 'person') return 'person';
  if (r === 'writer') return 'writer';
  if (r === 'generic') return 'generic';
  return 'other';
}

/** A reporting verb heading clause `c` ("she told us that ...", "Zee said ..."): where the report starts and whose it is. */
/** Verbs of speech that take an object, not a clause of their own ("describes the house", never "describes is"). */
const OBJECT_SPEECH = new Set(['describe', 'describes', 'described', 'recount', 'recounts', 'recounted', 'mention', 'mentions', 'mentioned', 'detail', 'details', 'detailed']);
/** Finite forms of be, have and do: a clause's own verb, where a report would have begun its words. */
const FINITE = new Set(['is', 'are', 'was', 'were', 'am', 'has', 'have', 'had', 'does', 'did']);

function reporter(tokens: readonly Token[], c: ClauseReading): { from: number; voice: Voice } | null {
  if (!c.subject || c.subject.role === 'writer' || c.subject.role === 'thing' || c.subject.role === 'none') return null;
  // "Everything Berhane told us ...", "What she said ...": the told thing is the subject, not a report
  if (/^(?:everything|anything|all|what|whatever|nothing|something|much|most|little|none)$/.test(tokens[c.subject.from]!.norm)) return null;
  for (let i = c.subject.to; i < c.to && i < c.subject.to + 4; i++) {
    const w = tokens[i]!.norm;
    if (!SPEECH_VERBS.has(w) || NAMING.has(w)) continue;
    // a hedge such as "or so he claims" or "what he describes as" is the writer's, not a report
    if (c.from > 0 && /^(?:so|what|as)$/.test(tokens[c.from - 1]?.norm ?? '')) return null;
    if (c.subject.from > c.from && /^(?:so|what|as)$/.test(tokens[c.subject.from - 1]!.norm)) return null;
    // "The agent he describes might not exist": a verb that needs an object (describe, recount, mention),
    // followed straight by a finite verb, is a relative clause inside the subject, not a report
    if (OBJECT_SPEECH.has(w) && (MODALS.has(tokens[i + 1]?.norm ?? '') || FINITE.has(tokens[i + 1]?.norm ?? ''))) return null;
    let j = i + 1;
    // an indirect object ("told us", "told police"), then an optional "that"
    while (j < tokens.length && j < i + 4 && /^(?:me|us|him|her|them|police|officers|staff|the|a|an|his|her|my|our|their|school|teacher|social|worker|interpreter|nurse|doctor|later|again|also|then|clearly|repeatedly)$/.test(tokens[j]!.norm)) j++;
    if (tokens[j]?.norm === 'that') j++;
    if (j >= tokens.length) return null;
    // "said whatever would get him out", "told us what she thought we wanted to hear": the writer's account
    // of what was said, not the words said
    if (tokens[j]!.norm === 'whatever' || (tokens[j]!.norm === 'what' && SUBJECT_PRONOUNS.has(tokens[j + 1]?.norm ?? '') && /^(?:thought|thinks|think|believed|believes|imagined|guessed|hoped|reckoned|felt|figured)$/.test(tokens[j + 2]?.norm ?? ''))) return null;
    return { from: j, voice: roleToVoice(c.subject.role) };
  }
  return null;
}

function clause(tokens: readonly Token[], from: number, to: number): ClauseReading {
  const negators: number[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (isNegator(t) || (i + 1 < to && NEG_PAIRS.has(`${t.norm} ${tokens[i + 1]!.norm}`))) negators.push(i);
  }
  let start = from;
  // the clause's own words start after its punctuation (", Mr Haddad said") and its conjunction
  while (start < to && !tokens[start]!.isWord) start++;
  if (start < to && CLAUSE_WORDS.has(tokens[start]!.norm)) start++;
  // "whether we could help her", "that she was": the complementiser is not part of the subject
  if (start + 1 < to && (tokens[start]!.norm === 'whether' || (tokens[start]!.norm === 'that' && SUBJECT_PRONOUNS.has(tokens[start + 1]!.norm)))) start++;
  // subject: the words before the first auxiliary, modal or verb-like word
  let v = -1;
  // "County lines gangs typically recruit ...": a frequency adverb a few words in ends a bare subject, even
  // where a word of the subject looks like a verb ("lines")
  for (let i = start + 1; i < Math.min(to, start + 5); i++) {
    const t = tokens[i]!;
    if (!t.isWord || AUX.has(t.norm) || MODALS.has(t.norm) || isNegator(t) || SUBJECT_PRONOUNS.has(tokens[start]!.norm)) break;
    if (FREQUENCY.has(t.norm)) {
      v = i;
      break;
    }
  }
  for (let i = start; i < to && v < 0; i++) {
    const t = tokens[i]!;
    if (!t.isWord) break;
    // after a pronoun subject ("I doubt", "they really want") the next word that is not an adverb is the verb
    // "... and said she is staying": a clause after a conjunction may open on its verb, sharing the subject before
    // "Traffickers often recruit ...": a frequency adverb after the subject stands before its verb
    if (i > start && FREQUENCY.has(t.norm)) {
      v = i;
      break;
    }
    if (i === start && start > from && CLAUSE_WORDS.has(tokens[start - 1]!.norm) && (IRREGULAR_PAST.has(t.norm) || SPEECH_VERBS.has(t.norm) || /^[a-z]{3,}ed$/.test(t.norm))) {
      v = i;
      break;
    }
    const afterPronoun = i > start && SUBJECT_PRONOUNS.has(tokens[start]!.norm) && /^\p{Ll}/u.test(t.text) && !ADVERB.test(t.norm) && tokens.slice(start + 1, i).every((x) => ADVERB.test(x.norm));
    if (AUX.has(t.norm) || MODALS.has(t.norm) || t.norm.endsWith("n't") || afterPronoun || (i > start && (looksLikeVerb(t) || IRREGULAR_PAST.has(t.norm) || SPEECH_VERBS.has(t.norm)) && !DETERMINERS.has(tokens[i - 1]!.norm))) {
      v = i;
      break;
    }
  }
  let subject: ClauseReading['subject'];
  if (v > start) {
    const words = tokens.slice(start, v);
    subject = { from: start, to: v, text: words.map((t) => t.text).join(' '), role: roleOfWords(words) };
  }
  let verb: VerbReading | undefined;
  let directive = false;
  if (v >= 0) {
    let modal: string | undefined;
    let tense: VerbReading['tense'] = 'unknown';
    let k = v;
    const first = tokens[v]!.norm;
    if (MODALS.has(first) || first === "won't" || first === "can't") modal = first;
    if (first === 'will' || first === "'ll" || first === "won't") tense = 'future';
    else if (PRESENT.has(first) || first === "doesn't" || first === "don't" || first === "isn't" || first === "aren't" || first === "can't") tense = 'present';
    else if (PAST.has(first) || first.endsWith('ed') || IRREGULAR_PAST.has(first) || first === "didn't" || first === "wasn't" || first === "weren't" || first === "couldn't") tense = 'past';
    else if (first.endsWith('s')) tense = 'present';
    while (k + 1 < to && !DETERMINERS.has(tokens[k + 1]!.norm) && (AUX.has(tokens[k]!.norm) || MODALS.has(tokens[k]!.norm) || isNegator(tokens[k]!) || /ly$/.test(tokens[k]!.norm))) k++;
    verb = { at: k, text: tokens[k]!.text, ...(modal ? { modal } : {}), tense, negated: negators.some((x) => x <= k + 1) };
    if (modal && DIRECTIVE.has(modal) && !tokens.slice(v + 1, k + 1).some((t) => t.norm === 'have' || t.norm === "'ve")) directive = true;
  }
  const generic = isGeneric(tokens, start, v, verb);
  return { from, to, ...(subject ? { subject } : {}), ...(verb ? { verb } : {}), negators, generic, ...(directive ? { directive } : {}) };
}

function looksLikeVerb(t: Token): boolean {
  return /^[a-z]+(?:ed|s)$/.test(t.norm) && t.norm.length > 3 && !/(?:ss|us|is|ness|ings?)$/.test(t.norm) && /^\p{Ll}/u.test(t.text);
}

/** Who some words name: the writer, the person referred, another party, people in general, or a thing. */
export function roleOfWords(words: readonly Token[]): Role {
  if (!words.length) return 'none';
  const norms = words.map((w) => w.norm);
  if (norms.some((w) => WRITER.has(w))) return 'writer';
  const head = norms[norms.length - 1]!;
  if (norms.length <= 2 && (head === 'he' || head === 'she')) return 'person';
  if (norms.some((w) => OTHER_NOUNS.has(relation(w))) && !(norms[0] === 'the' && PERSON_NOUNS.has(head) && !OTHER_NOUNS.has(head))) return 'other';
  if (/^\p{Lu}/u.test(words[0]!.text) && words.every((w) => /^\p{Lu}/u.test(w.text) || w.norm === "'s")) return 'person';
  if (PERSON_NOUNS.has(head)) return 'person';
  if (PERSON_PRONOUNS.has(head)) return 'person';
  return 'thing';
}

function isGeneric(tokens: readonly Token[], start: number, v: number, verb: VerbReading | undefined): boolean {
  if (v <= start || !verb) return false;
  if (verb.tense === 'past') return false;
  const first = tokens[start]!;
  const words = tokens.slice(start, v).map((t) => t.norm);
  // "you" addresses the reader: guidance and instructions ("If you are not sure ...", "you can withdraw ...")
  if (words.length === 1 && words[0] === 'you') return true;
  // (the determiners of the head count, not those of an "of" phrase after it: "Exploitation of this kind often ...")
  const of = words.indexOf('of');
  if ((of > 0 ? words.slice(0, of) : words).some((w) => DEFINITE.has(w) || WRITER.has(w))) return false;
  // "Agreeing to a job does not mean ...", "Having a visa does not ..."
  if (/^[a-z]{3,}ing$/.test(first.norm) && !NOT_GERUNDS.has(first.norm) && /^\p{Lu}/u.test(first.text) && start === 0) return true;
  // "A 15-year-old cannot ...", "Children found in ... are often ...", "Nobody should ..."
  const det = GENERIC_DETS.has(words[0]!) ? 1 : 0;
  const head = words[det];
  if (!head) return false;
  // a bare plural before a frequency adverb is a kind, not someone ("Gangs often ...", "Networks typically ...")
  if (FREQUENCY.has(tokens[v]!.norm) && det === 0 && /[a-z]s$/.test(words.at(-1)!) && !/'s$/.test(words.at(-1)!)) return true;
  return GENERIC_NOUNS.has(head) || /^\d{1,2}-year-olds?$/.test(head) || (det === 1 && /-year-old$/.test(head));
}

/** Whether the words from token `from` on are negated by a negator of their clause before them (negators inside are part of what was matched). */
export function negatedAt(r: SentenceReading, from: number): boolean {
  const c = r.clauses[r.clauseOf[from]!]!;
  return c.negators.some((k) => k < from);
}
