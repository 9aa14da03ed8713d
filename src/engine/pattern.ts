/**
 * The token pattern language used by rule files. A pattern is a space-separated list of elements:
 *
 *   word         a word, case-insensitive (curly apostrophes count as straight); also punctuation: , . ( ) :
 *   a|b|c        any of these (each may be any atom below)
 *   (a b|c)      alternatives of several words need parentheses: (no further action|nfa)
 *   {lemma}      any inflection of a verb or noun ("{claim}" = claim, claims, claimed, claiming);
 *                {lemma:noun} for noun forms only. The first one is the head that suggestions follow.
 *   @class       a word class from rules/lexicon.yml
 *   #Tag         a compromise part-of-speech tag (#Noun, #Verb, #Adjective, ...): used sparingly, as it
 *                makes the engine tag that sentence
 *   *            any one word
 *   x?           optional
 *   %Cap         a word written with a capital letter (a name, or the first word of a sentence), or in a
 *                script that has no capitals (a name written in its own script: ሰላም, 王芳, سلمى)
 *   %Poss        a possessive word ("Anna's", "the boy's")
 *   %CapPoss     a capitalised possessive, usually a name ("Anna's")
 *   %Num         a number, in digits or words ("14", "eighteen", "several")
 *   !x           the next token is not x (or there is none); consumes nothing
 *   <!x          the previous token is not x (or there is none); consumes nothing
 *   ^  $         start and end of the sentence
 *   [ ... ]      the span to report; without brackets the whole match is reported
 */
import { type Form, verbForms, pluralOf } from './inflect.js';
import type { Token } from './tokenize.js';

export type Atom =
  | { type: 'word'; value: string }
  | { type: 'set'; name: string; values: ReadonlySet<string> }
  | { type: 'lemma'; lemma: string; forms: ReadonlyMap<string, Form[]> }
  | { type: 'tag'; tag: string }
  | { type: 'cap' }
  | { type: 'poss' }
  | { type: 'capposs' }
  | { type: 'num' }
  | { type: 'any' };

export type Element =
  | { type: 'atom'; alts: Atom[][]; optional: boolean; neg: boolean; behind?: boolean }
  | { type: 'start' }
  | { type: 'end' };

export interface Pattern {
  source: string;
  elements: Element[];
  spanFrom: number;
  spanTo: number;
  /** Index of the element used as trigger; its words are the index keys. */
  anchor: number;
  /** The fewest and most tokens the elements before the anchor can take. */
  before: { req: number; all: number };
  triggers: string[];
  triggerSet: ReadonlySet<string>;
  head: number;
}

export class PatternError extends Error {}

/** A capital letter, or a letter of a script without capitals (Ethiopic, Arabic, Chinese...): where a name starts. */
const CAP = /^[\p{Lu}\p{Lt}\p{Lo}]/u;
const NUMBER_WORDS = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few)$/;

/** Words too common to index a pattern by, where it has a rarer required element. */
const COMMON = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'my', 'our', 'its', 'i', 'we', 'he', 'she', 'they', 'it', 'you', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'did', 'does', 'with', 'to', 'of', 'in', 'at', 'on', 'for', 'and', 'or', 'not', 'no', 'this', 'that', 'if', 'what', 'as', 'so', 'by', 'from', 'him', 'them', 'me', 'us', 'would', 'could', 'will', 'can', 'there', 'which', 'who', ',', '.', "'s", 'all', 'any', 'some', 'one', 'more', 'very', 'up', 'out', 'into', 'about', 'than', 'too', 'much', 'how', 'when', 'where', 'then', 'also', 'only', 'just', 'get', 'got', 'make', 'made', 'take', 'took', 'go', 'went', 'put', 'say', 'said']);

export type Lexicon = ReadonlyMap<string, ReadonlySet<string>>;

export function compilePattern(source: string, lexicon: Lexicon): Pattern {
  const raw = splitTop(source.trim());
  const elements: Element[] = [];
  let spanFrom = -1;
  let spanTo = -1;
  for (let part of raw) {
    if (part === '') continue;
    while (part.startsWith('[') && part.length > 1) {
      spanFrom = elements.length;
      part = part.slice(1);
    }
    let closes = 0;
    while (part.endsWith(']') && part.length > 1) {
      closes++;
      part = part.slice(0, -1);
    }
    if (part === '[') {
      spanFrom = elements.length;
      continue;
    }
    if (part === ']') {
      spanTo = elements.length;
      continue;
    }
    if (part === '^') elements.push({ type: 'start' });
    else if (part === '$') elements.push({ type: 'end' });
    else {
      let neg = false;
      let optional = false;
      let behind = false;
      if (part.startsWith('<!') && part.length > 2) {
        behind = true;
        part = part.slice(1);
      }
      if (part.startsWith('!') && part.length > 1) {
        neg = true;
        part = part.slice(1);
      }
      if (part.endsWith('?') && part.length > 1) {
        optional = true;
        part = part.slice(0, -1);
      }
      const inner = /^\(.*\)$/.test(part) ? part.slice(1, -1) : part;
      if (/\([^\s|)]|[^\s|(]\)/.test(inner)) throw new PatternError(`pattern "${source}": parentheses cannot nest ("${part}"); write the alternatives out`);
      const alts = inner.split('|').map((alt) => alt.trim().split(/\s+/).map((a) => atom(a, lexicon, source)));
      if (alts.some((a) => a.length === 0 || (a.length > 1 && neg))) throw new PatternError(`pattern "${source}": cannot read "${part}"`);
      elements.push({ type: 'atom', alts, optional, neg, ...(behind ? { behind } : {}) });
    }
    if (closes) spanTo = elements.length;
  }
  if (spanFrom < 0) spanFrom = 0;
  if (spanTo < 0) spanTo = elements.length;
  if (spanTo <= spanFrom) throw new PatternError(`pattern "${source}": the [ ] span is empty`);
  // The anchor (the element whose words index the pattern) is the rarest required one: a pattern that starts
  // with "a|an" or "his|her" is looked at only where its rarer word ("participant", "weight") occurs.
  let anchor = -1;
  let anchorCost = Infinity;
  let head = -1;
  elements.forEach((e, i) => {
    if (e.type !== 'atom' || e.optional || e.neg) return;
    if (e.alts.every((a) => a[0]!.type === 'word' || a[0]!.type === 'set' || a[0]!.type === 'lemma')) {
      const words = e.alts.flatMap((a) => wordsOf(a[0]!));
      const cost = words.length + (words.some((w) => COMMON.has(w)) ? 1000 : 0);
      if (cost < anchorCost) {
        anchor = i;
        anchorCost = cost;
      }
    }
    if (head < 0 && e.alts.some((a) => a.some((x) => x.type === 'lemma'))) head = i;
  });
  if (anchor < 0) throw new PatternError(`pattern "${source}" needs at least one required word, {lemma} or @class`);
  const anchorEl = elements[anchor] as Extract<Element, { type: 'atom' }>;
  const triggers = [...new Set(anchorEl.alts.flatMap((a) => wordsOf(a[0]!)))];
  let req = 0;
  let all = 0;
  for (const e of elements.slice(0, anchor)) {
    if (e.type !== 'atom' || e.neg) continue;
    const lens = e.alts.map((a) => a.length);
    if (!e.optional) req += Math.min(...lens);
    all += Math.max(...lens);
  }
  return { source, elements, spanFrom, spanTo, anchor, before: { req, all }, triggers, triggerSet: new Set(triggers), head };
}

/** Splits a pattern on spaces outside parentheses. */
function splitTop(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of src) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

function wordsOf(a: Atom): string[] {
  if (a.type === 'word') return [a.value];
  if (a.type === 'set') return [...a.values];
  if (a.type === 'lemma') return [...a.forms.keys()];
  return [];
}

function atom(text: string, lexicon: Lexicon, source: string): Atom {
  if (text === '*') return { type: 'any' };
  if (text === '%Cap') return { type: 'cap' };
  if (text === '%Poss') return { type: 'poss' };
  if (text === '%CapPoss') return { type: 'capposs' };
  if (text === '%Num') return { type: 'num' };
  if (text.startsWith('#') && text.length > 1) return { type: 'tag', tag: text.slice(1) };
  if (text.startsWith('@')) {
    const values = lexicon.get(text.slice(1));
    if (!values) throw new PatternError(`pattern "${source}": unknown word class ${text} (see rules/lexicon.yml)`);
    return { type: 'set', name: text.slice(1), values };
  }
  const lem = /^\{([^{}:]+)(?::(verb|noun))?\}$/.exec(text);
  if (lem) return { type: 'lemma', lemma: lem[1]!.toLowerCase(), forms: lemmaForms(lem[1]!.toLowerCase(), lem[2]) };
  if (/[{}[\]]/.test(text)) throw new PatternError(`pattern "${source}": cannot read "${text}"`);
  return { type: 'word', value: text.toLowerCase().replace(/’/g, "'") };
}

function lemmaForms(lemma: string, pos: string | undefined): Map<string, Form[]> {
  const map = new Map<string, Form[]>();
  const add = (w: string, f: Form) => map.set(w, [...(map.get(w) ?? []), f]);
  if (pos !== 'noun') {
    const v = verbForms(lemma);
    add(v.inf, 'inf');
    add(v.pres3, 'pres3');
    add(v.past, 'past');
    add(v.part, 'part');
    add(v.ger, 'ger');
  } else {
    add(lemma, 'sing');
    add(pluralOf(lemma), 'plural');
  }
  return map;
}

export interface MatchContext {
  tokens: readonly Token[];
  /** Part-of-speech tags of token i; called only for patterns with #Tag elements. */
  tags: (i: number) => ReadonlySet<string>;
}

export interface Match {
  /** Token indexes of the reported span, `[from, to)`. */
  from: number;
  to: number;
  /** Token index of the head ({lemma}) and its possible forms, if the pattern has one. */
  headToken: number;
  headForms: Form[];
}

/** Tries to match `p` with its anchor element on token `at`. */
export function matchAt(p: Pattern, ctx: MatchContext, at: number): Match | null {
  const n = p.elements.length;
  const pos: number[] = new Array<number>(n + 1).fill(-1);
  // Elements before the anchor may be optional or several words long: try each possible start, nearest first.
  const { req, all } = p.before;
  for (let back = req; back <= all; back++) {
    const start = at - back;
    if (start < 0) break;
    if (walk(p, ctx, 0, start, pos, at)) {
      const from = pos[p.spanFrom]!;
      const to = p.spanTo >= n ? pos[n]! : pos[p.spanTo]!;
      if (to <= from) continue;
      let headToken = p.head >= 0 ? pos[p.head]! : -1;
      const headEl = p.head >= 0 ? (p.elements[p.head] as Extract<Element, { type: 'atom' }>) : undefined;
      const headForms: Form[] = [];
      if (headEl && headToken >= 0) {
        for (const alt of headEl.alts) {
          const base = headToken;
          alt.forEach((a, k) => {
            const f = a.type === 'lemma' ? a.forms.get(ctx.tokens[base + k]?.norm ?? '') : undefined;
            if (f && !headForms.length) {
              headForms.push(...f);
              headToken = base + k;
            }
          });
        }
      }
      return { from, to, headToken, headForms };
    }
  }
  return null;
}

function walk(p: Pattern, ctx: MatchContext, ei: number, ti: number, pos: number[], at: number): boolean {
  pos[ei] = ti;
  if (ei === p.elements.length) return true;
  const e = p.elements[ei]!;
  if (ei === p.anchor && ti !== at) return false;
  if (e.type === 'start') return ti === 0 && walk(p, ctx, ei + 1, ti, pos, at);
  if (e.type === 'end') {
    const t = ctx.tokens[ti];
    const atEnd = ti >= ctx.tokens.length || (ti === ctx.tokens.length - 1 && /^[.!?]$/.test(t!.text));
    return atEnd && walk(p, ctx, ei + 1, ti, pos, at);
  }
  if (e.neg) {
    const at2 = e.behind ? ti - 1 : ti;
    if (at2 >= 0 && at2 < ctx.tokens.length && e.alts.some((a) => atomMatches(a[0]!, ctx, at2))) return false;
    return walk(p, ctx, ei + 1, ti, pos, at);
  }
  for (const alt of e.alts) {
    if (ti + alt.length > ctx.tokens.length) continue;
    if (alt.every((a, k) => atomMatches(a, ctx, ti + k)) && walk(p, ctx, ei + 1, ti + alt.length, pos, at)) return true;
  }
  if (e.optional) return walk(p, ctx, ei + 1, ti, pos, at);
  return false;
}

function atomMatches(a: Atom, ctx: MatchContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  switch (a.type) {
    case 'word':
      return t.norm === a.value;
    case 'set':
      return a.values.has(t.norm);
    case 'lemma':
      return a.forms.has(t.norm);
    case 'any':
      return t.isWord;
    case 'cap':
      return CAP.test(t.text);
    case 'poss':
      return t.isWord && /\p{L}'s$/u.test(t.norm);
    case 'capposs':
      return t.isWord && CAP.test(t.text) && /\p{L}'s$/u.test(t.norm);
    case 'num':
      return /^\d+(?:[.,]\d+)?$/.test(t.norm) || NUMBER_WORDS.test(t.norm);
    case 'tag':
      return ctx.tags(i).has(a.tag);
  }
}
