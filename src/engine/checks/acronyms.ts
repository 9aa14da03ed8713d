/**
 * Acronyms: the first use of an acronym must be expanded there ("Full Name (FN)" or "FN (Full Name)");
 * later uses are fine. Known acronyms get their expansion as the suggestion.
 */
import type { CompiledAcronyms } from '../rule-set.js';
import type { BlockInfo } from '../analyze.js';
import { insideAny } from '../quotes.js';
import type { Sentence, Token } from '../tokenize.js';
import type { Finding } from '../types.js';
import { fill } from '../messages.js';
import { articleFor } from '../inflect.js';
import { contextFor, sentenceHas } from './terms.js';

const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XX)$/;

/** The acronym a token spells, or null: "PVs" → "PV", "NFA'd" → "NFA". */
export function acronymOf(word: string, known: ReadonlyMap<string, unknown>): string | null {
  const base = word.replace(/(?:['’]d|['’]s|s)$/, '');
  if (known.has(base)) return base;
  if (known.has(word)) return word;
  // initials written with some small letters ("PiPoT", "LeDeR"): three capitals or more, the last letter one
  if (/^(?:[A-Z][a-z]{0,2}){2,4}[A-Z]$/.test(base) && (base.match(/[A-Z]/g)?.length ?? 0) >= 3) return base;
  if (!/^[A-Z][A-Z&]{1,4}$/.test(base) || ROMAN.test(base)) return null;
  return base;
}

/** Whether words with these initials can spell the acronym: its first letter first, and most of it in order. */
function spells(acr: string, initials: readonly string[]): boolean {
  if (!acr || initials[0] !== acr[0]) return false;
  let k = 0;
  for (const c of initials) if (c === acr[k]) k++;
  return k >= Math.min(acr.length, 2);
}

/** The words inside the brackets opened at token `open` (less "the", "of", "and" ...), and whether a number is there. */
function bracketWords(t: readonly Token[], open: number): { words: string[]; numbers: boolean } {
  const words: string[] = [];
  let numbers = false;
  for (let k = open + 1; k < t.length && t[k]!.text !== ')'; k++) {
    if (/\d/.test(t[k]!.text)) numbers = true;
    if (t[k]!.isWord && !/^(?:the|a|an|of|and|for|to|in|on|&)$/.test(t[k]!.norm)) words.push(t[k]!.norm);
  }
  return { words, numbers };
}

function isExpandedHere(s: Sentence, i: number): boolean {
  const t = s.tokens;
  const acr = t[i]!.text.toLowerCase().replace(/[^a-z]/g, '');
  // "ACR (Full Name)" or "ACR (what it is)": words in brackets that spell it ("CSC (children's social care)") or
  // explain it in words ("COSHH (the rules on handling hazardous substances)"), not a note with a date or a
  // number ("CSC (referral made 30/10/2025)")
  if (t[i + 1]?.text === '(') {
    const { words, numbers } = bracketWords(t, i + 1);
    const initials = words.flatMap((w) => w.split('-').map((x) => x[0]!));
    if (initials.length >= 2 && (!numbers || spells(acr, initials))) return true;
  }
  // "ACR service (Full Name)": a word or two between, the words in brackets spelling it out
  for (let gap = 1; gap <= 2; gap++) {
    if (t[i + gap + 1]?.text !== '(' || !t.slice(i + 1, i + gap + 1).every((x) => x.isWord)) continue;
    const initials = bracketWords(t, i + gap + 1).words.map((w) => w[0]!);
    if (initials.length >= acr.length - 1 && spells(acr, initials)) return true;
  }
  // "Full Name (ACR)"
  if (t[i - 1]?.text === '(' && t[i + 1]?.text === ')') {
    let words = 0;
    for (let k = i - 2; k >= 0 && t[k]!.isWord; k--) words++;
    return words >= 1;
  }
  return false;
}

/** Capitals that are not an acronym: an English word written for emphasis ("Do NOT call"), a placeholder. */
function isEmphasisOrPlaceholder(rule: CompiledAcronyms, s: Sentence, i: number): boolean {
  const t = s.tokens;
  const w = t[i]!.norm;
  if (rule.emphasis.has(w)) return true;
  // "DD/MM/YYYY", "XX/XX"
  const slashNear = t[i - 1]?.text === '/' || t[i + 1]?.text === '/';
  if (slashNear && /^(?:dd|mm|yy|yyyy|xx+|hh)$/.test(w)) return true;
  return false;
}

const CAPS_WORD = /^\p{Lu}{3,}(?:['’]S)?$/u;

/**
 * Part of a name written in capitals: the word and a neighbour are both capitals of three letters or more,
 * one space apart ("STREETWISE NORTH", "KESTREL BANK"). Acronyms rarely stand two in a row like that.
 */
export function inCapitalName(t: readonly Token[], i: number): boolean {
  if (!CAPS_WORD.test(t[i]!.text)) return false;
  const prev = t[i - 1];
  const next = t[i + 1];
  return Boolean((prev && CAPS_WORD.test(prev.text) && prev.end + 1 === t[i]!.start && (prev.text.length >= 4 || t[i]!.text.length >= 4)) || (next && CAPS_WORD.test(next.text) && t[i]!.end + 1 === next.start && (next.text.length >= 4 || t[i]!.text.length >= 4)));
}

/** Nouns after a brand or product name in capitals: "a FINLO app account", "his MONZO card". */
const PRODUCT_NOUNS = new Set(['app', 'apps', 'account', 'accounts', 'card', 'cards', 'wallet', 'website', 'site', 'platform', 'store', 'shop', 'loan', 'loans', 'transfer', 'transfers', 'profile', 'page', 'group', 'chat', 'handle', 'username']);

/** Things posted or sent on a platform: the capitals after "an advert on" name the platform. */
const POSTED = new Set(['advert', 'adverts', 'advertisement', 'ad', 'ads', 'listing', 'listings', 'post', 'posts', 'posted', 'profile', 'message', 'messages', 'messaged', 'video', 'videos', 'advertised', 'listed', 'chatted']);

/** Nouns after a name in capitals that make it the name of a scheme or service ("the RISE mentoring project"). */
const SCHEME_NOUNS = new Set(['project', 'projects', 'programme', 'program', 'scheme', 'service', 'services', 'charity', 'initiative', 'hub', 'centre', 'center', 'club', 'course', 'group', 'campaign', 'network', 'refuge', 'shelter', 'foundation', 'trust']);

/**
 * Capitalised words after capitals that make them a role or a process, not a company's name: "LAMS Officer",
 * "MASH Team", "SCR Meeting" are shorthand to spell out; "KMR Homes" is a company.
 */
const ROLE_HEADS = new Set(['officer', 'officers', 'worker', 'workers', 'manager', 'lead', 'coordinator', 'co-ordinator', 'team', 'unit', 'referral', 'referrals', 'assessment', 'meeting', 'meetings', 'plan', 'panel', 'check', 'checks', 'nurse', 'practitioner', 'advocate', 'guardian', 'report', 'form', 'order', 'notice', 'conference', 'review', 'strategy', 'investigator', 'inspector', 'caseworker', 'adviser', 'advisor', 'specialist', 'liaison', 'duty']);

/**
 * ISO codes of currencies, as written before or after a sum ("USD 1,800", "300 EUR"). (Not CAD, which in a
 * police draft is a computer-aided dispatch log, "CAD 4471".)
 */
const CURRENCIES = new Set(['USD', 'EUR', 'GBP', 'PLN', 'RON', 'BGN', 'CZK', 'HUF', 'INR', 'PKR', 'NGN', 'GHS', 'CNY', 'VND', 'AED', 'SAR', 'TRY', 'UAH', 'RUB', 'AUD', 'PHP', 'THB', 'BDT', 'LKR', 'NPR', 'KES', 'MDL', 'RSD', 'LTL', 'EGP', 'MAD', 'IRR', 'IQD', 'AFN', 'ERN', 'ETB', 'SDG', 'ZAR', 'BRL', 'MXN', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK']);

/** Words that make two capitals before a number a flight. */
const FLIGHT_WORDS = new Set(['flight', 'flights', 'flew', 'flying', 'fly', 'airways', 'airline', 'airlines', 'air', 'boarding', 'departure', 'departed', 'arrival', 'arrived', 'gate', 'terminal', 'airport', 'plane']);

/** Words that make a number beside a currency's code a sum of money. */
const MONEY_WORDS = new Set(['paid', 'pay', 'pays', 'fee', 'fees', 'cost', 'costs', 'salary', 'wage', 'wages', 'owed', 'owes', 'owe', 'debt', 'price', 'loan', 'charged', 'earn', 'earned', 'earns', 'sent', 'borrowed', 'worth', 'month', 'week', 'year']);

/** Words that begin the name of a body or team, not a person: "Children's Services MASH" is shorthand. */
const BODY_WORDS = /^(?:police|services?|team|council|care|social|health|children's|adult|unit|hub|office|trust|court|board|department|agency|authority|centre|center|school|college|hospital|ward|clinic|project|partnership|safeguarding|local|national|home|the|a|an|our|their|his|her|contact|call|see|ask|via|per|by|from|with|to|and|or)$/;

/**
 * A surname in capitals after the person's given name, as police and courts write names ("Malik DEANE",
 * "Ana RUSU"): the word before is a capitalised given name the draft uses elsewhere too, and the capitals are
 * a word (with a vowel), not letters.
 */
function isSurname(s: Sentence, i: number, text: string): boolean {
  const t = s.tokens;
  const prev = t[i - 1];
  const word = t[i]!.text;
  if (!prev || !prev.isWord || prev.end + 1 !== t[i]!.start || !/^\p{Lu}\p{Ll}+$/u.test(prev.text) || BODY_WORDS.test(prev.norm)) return false;
  if (!/^\p{Lu}{3,}$/u.test(word) || !/[AEIOUY]/.test(word)) return false;
  let uses = 0;
  for (let at = text.indexOf(prev.text); at >= 0 && uses < 2; at = text.indexOf(prev.text, at + 1)) {
    if (!/[\p{L}]/u.test(text[at - 1] ?? '') && !/[\p{L}]/u.test(text[at + prev.text.length] ?? '')) uses++;
  }
  if (uses >= 2) return true;
  // or the same capitals after another given name too ("Jamal ROWE" ... "Jay ROWE")
  const after = new RegExp(`\\p{Lu}\\p{Ll}+ ${word}(?![\\p{L}])`, 'gu');
  return (text.match(after)?.length ?? 0) >= 2;
}

/** An organisation, company or brand: a known name, or capitals followed by a capitalised word ("KMR Homes"). */
function isName(rule: CompiledAcronyms, s: Sentence, i: number, acr: string, text: string): boolean {
  if (rule.names.has(acr)) return true;
  if (isSurname(s, i, text)) return true;
  if (inCapitalName(s.tokens, i)) return true;
  // a word-like brand before a product noun ("FINLO app"): five letters or more, with a vowel
  if (acr.length >= 5 && /[AEIOU]/.test(acr) && PRODUCT_NOUNS.has(s.tokens[i + 1]?.norm ?? '')) return true;
  // a platform where something was posted: "an advert on OLX", "messages via WSP"
  if (i >= 2 && /^(?:on|via|through)$/.test(s.tokens[i - 1]!.norm) && POSTED.has(s.tokens[i - 2]!.norm)) return true;
  const next = s.tokens[i + 1];
  if (next && next.isWord && next.start === s.tokens[i]!.end + 1 && /^\p{Lu}\p{Ll}/u.test(next.text) && !rule.emphasis.has(next.norm) && !ROLE_HEADS.has(next.norm)) return true;
  // a word in capitals naming a scheme or service: "the RISE mentoring project" (not one the rules can expand)
  if (acr.length >= 4 && /[AEIOU]/.test(acr) && !rule.expansions.has(acr) && s.tokens.slice(i + 1, i + 4).some((x, k, a) => x.isWord && SCHEME_NOUNS.has(x.norm) && a.slice(0, k).every((y) => y.isWord && /^\p{Ll}/u.test(y.text)))) return true;
  // an airline's code in a flight number ("AZURE GULF AIRWAYS AG 311", "flight BA 249")
  if (acr.length === 2 && /^\d{2,4}$/.test(s.tokens[i + 1]?.text ?? '') && s.tokens.some((x) => FLIGHT_WORDS.has(x.norm))) return true;
  // a currency's code beside a sum
  if (CURRENCIES.has(acr) && [s.tokens[i - 1], s.tokens[i + 1]].some((x) => x && /\d/.test(x.text)) && (/\d[,.]\d/.test(s.tokens.slice(Math.max(0, i - 3), i + 4).map((x) => x.text).join('')) || s.tokens.some((x) => MONEY_WORDS.has(x.norm)))) return true;
  return false;
}

/** Explained right after: "AFRUCA, which supports African families", "KMR, a lettings agency". */
function isExplainedAfter(s: Sentence, i: number): boolean {
  const t = s.tokens;
  if (t[i + 1]?.text !== ',' && t[i + 1]?.text !== '–' && t[i + 1]?.text !== '—' && t[i + 1]?.text !== '-') return false;
  const next = t[i + 2]?.norm;
  return next === 'which' || next === 'who' || ((next === 'a' || next === 'an' || next === 'the') && (t[i + 3]?.norm ?? '').length > 2 && /^(?:charity|company|firm|bank|organisation|organization|agency|service|team|scheme|programme|project|group|business|body|unit|network|provider)$/.test(t[i + 3]!.norm === 'local' || t[i + 3]!.norm === 'national' ? (t[i + 4]?.norm ?? '') : t[i + 3]!.norm));
}

/** Slash shorthand in one sentence ("s/g", "o/s", "w/c"): known ones with their expansion, others bare. */
function checkShorthand(rule: CompiledAcronyms, info: BlockInfo, s: Sentence, seen: Set<string>, out: Finding[]): void {
  const off = info.block.start;
  const t = s.tokens;
  for (let i = 1; i + 1 < t.length; i++) {
    if (t[i]!.text !== '/') continue;
    const a = t[i - 1]!;
    const b = t[i + 1]!;
    if (!a.isWord || !b.isWord || a.end !== t[i]!.start || b.start !== t[i]!.end) continue;
    if (!/^\p{L}{1,3}$/u.test(a.text) || !/^\p{L}{1,4}$/u.test(b.text)) continue;
    const key = `${a.norm}/${b.norm}`;
    if (rule.slashWords.has(key) || t[i - 2]?.text === '/' || t[i + 2]?.text === '/') continue;
    if (/^(?:dd|mm|yy|yyyy|xx)$/.test(a.norm) || /^(?:dd|mm|yy|yyyy|xx)$/.test(b.norm)) continue;
    if (insideAny(info.local.quotes, a.start, b.end)) continue;
    const expansion = rule.shorthand.get(key);
    if (!expansion && !rule.flagUnknown) continue;
    if (seen.has(key)) continue;
    seen.add(key);
    const excerpt = info.text.slice(a.start, b.end);
    out.push({
      rule: rule.meta.id,
      category: rule.meta.category,
      severity: rule.meta.severity,
      start: a.start + off,
      end: b.end + off,
      excerpt,
      message: expansion ? `'${excerpt}' is shorthand the decision maker may not know; write '${expansion}'.` : `Write '${excerpt}' out in full; the decision maker may not know this shorthand.`,
      suggestions: expansion ? [/^\p{Lu}/u.test(excerpt) && s.tokens[0] === a ? expansion[0]!.toUpperCase() + expansion.slice(1) : expansion] : [],
      rationale: rule.meta.rationale,
      source: rule.meta.source,
    });
  }
}

/** Part of slash shorthand ("S/S"): reported by the shorthand check, not as an acronym. */
function partOfSlash(s: Sentence, i: number): boolean {
  const t = s.tokens;
  return (t[i + 1]?.text === '/' && t[i + 1]!.start === t[i]!.end && /^\p{L}{1,3}$/u.test(t[i]!.text) && t[i + 2]?.isWord === true) || (t[i - 1]?.text === '/' && t[i - 1]!.end === t[i]!.start && t[i - 2]?.isWord === true && /^\p{L}{1,3}$/u.test(t[i - 2]!.text));
}

/** The plural of an expansion's last word ("officer" → "officers", "party" → "parties"). */
function plural(phrase: string): string {
  return phrase.replace(/(\w+)$/, (w) => (/[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : /(?:s|x|ch|sh)$/.test(w) ? `${w}es` : `${w}s`));
}

/** Per block text: for each sentence, the tokens an acronym or shorthand check looks at (two capitals, or "/"). */
const candidateCache = new WeakMap<object, { si: number; acronyms: number[]; slash: boolean }[]>();

function candidatesOf(local: BlockInfo['local']): { si: number; acronyms: number[]; slash: boolean }[] {
  let hit = candidateCache.get(local);
  if (!hit) {
    hit = [];
    local.sentences.forEach((s, si) => {
      const acronyms: number[] = [];
      let slash = false;
      s.tokens.forEach((tok, i) => {
        if (tok.text === '/') slash = true;
        else if (tok.isWord && /\p{Lu}.*\p{Lu}/u.test(tok.text)) acronyms.push(i);
      });
      if (acronyms.length || slash) hit!.push({ si, acronyms, slash });
    });
    candidateCache.set(local, hit);
  }
  return hit;
}

/** Per block text (its cached reading). */
const shouted = new WeakMap<object, boolean>();

/** A block in capitals throughout: a shouted title, not prose. */
function isShouted(info: BlockInfo): boolean {
  let v = shouted.get(info.local);
  if (v === undefined) {
    v = !/\p{Ll}/u.test(info.text) && (info.text.match(/\p{L}{2,}/gu) ?? []).length > 1;
    shouted.set(info.local, v);
  }
  return v;
}

/** Per rule, per block text (its cached reading): the acronym of each candidate token, as `candidatesOf` lists them. */
const acronymsCache = new WeakMap<CompiledAcronyms, WeakMap<object, (string | null)[][]>>();

function acronymsIn(rule: CompiledAcronyms, local: BlockInfo['local']): (string | null)[][] {
  let perRule = acronymsCache.get(rule);
  if (!perRule) acronymsCache.set(rule, (perRule = new WeakMap()));
  let hit = perRule.get(local);
  if (!hit) perRule.set(local, (hit = candidatesOf(local).map(({ si, acronyms }) => acronyms.map((i) => acronymOf(local.sentences[si]!.tokens[i]!.text, rule.expansions)))));
  return hit;
}

/** How often each acronym is used in the draft (from the cached candidate tokens: no scan of the text). */
function countUses(rule: CompiledAcronyms, blocks: readonly BlockInfo[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const info of blocks) {
    for (const acrs of acronymsIn(rule, info.local)) {
      for (const acr of acrs) if (acr) n.set(acr, (n.get(acr) ?? 0) + 1);
    }
  }
  return n;
}

export function checkAcronyms(rule: CompiledAcronyms, blocks: readonly BlockInfo[], text: string): Finding[] {
  let uses: Map<string, number> | undefined;
  const seen = new Set<string>();
  const seenShort = new Set<string>();
  const out: Finding[] = [];
  for (const info of blocks) {
    if (isShouted(info)) continue;
    const off = info.block.start;
    // Sentences and quotes relative to the block (cached with its text); findings are moved to document offsets.
    const candidates = candidatesOf(info.local);
    const acrs = acronymsIn(rule, info.local);
    for (let c = 0; c < candidates.length; c++) {
      const { si, acronyms, slash } = candidates[c]!;
      const s = info.local.sentences[si]!;
      if (slash) checkShorthand(rule, info, s, seenShort, out);
      for (let j = 0; j < acronyms.length; j++) {
        const acr = acrs[c]![j];
        if (!acr || rule.exceptions.has(acr) || seen.has(acr)) continue;
        const i = acronyms[j]!;
        const tok = s.tokens[i]!;
        if (partOfSlash(s, i)) continue;
        if (isEmphasisOrPlaceholder(rule, s, i)) continue;
        seen.add(acr);
        if (insideAny(info.local.quotes, tok.start, tok.end)) continue;
        if (isExpandedHere(s, i) || isExplainedAfter(s, i) || isName(rule, s, i, acr, text)) continue;
        const options = rule.expansions.get(acr);
        let expansion: string | undefined;
        if (options) {
          const ctx = contextFor(info.text, s, 0);
          expansion = (options.find((o) => !o.ifSentence || sentenceHas(o.ifSentence, ctx)) ?? options[options.length - 1])?.expansion;
        }
        if (!expansion && !rule.flagUnknown) continue;
        let start = tok.start + off;
        let end = start + acr.length;
        // an acronym the draft uses once needs no introducing: the words alone read best
        const once = expansion ? (uses ??= countUses(rule, blocks)).get(acr)! <= 1 : false;
        let suggestions = expansion ? [once ? expansion : `${expansion} (${acr})`] : [];
        const suffix = tok.text.slice(acr.length);
        if (expansion && /^['’]d$/.test(suffix) && /^\S+ed\b/.test(expansion)) {
          // "RUI'd" → "released under investigation": the acronym used as a verb takes its participle
          end = tok.end + off;
          suggestions = [expansion];
        } else if (expansion && suffix === 's') {
          // "PCSOs" → "police community support officers (PCSOs)"
          end = tok.end + off;
          suggestions = [once ? plural(expansion) : `${plural(expansion)} (${tok.text})`];
        }
        // "an HMO" → "a house in multiple occupation (HMO)": the article before it follows the expansion
        const art = s.tokens[i - 1];
        if (expansion && art && (art.norm === 'a' || art.norm === 'an') && art.end + 1 === tok.start && articleFor(suggestions[0]!) !== art.norm) {
          start = art.start + off;
          const a = articleFor(suggestions[0]!);
          suggestions = suggestions.map((x) => `${/^\p{Lu}/u.test(art.text) ? a[0]!.toUpperCase() + a.slice(1) : a} ${x}`);
        }
        out.push({
          rule: rule.meta.id,
          category: rule.meta.category,
          severity: rule.meta.severity,
          start,
          end,
          excerpt: text.slice(start, end),
          message: expansion
            ? fill(rule.meta.message, acr, suggestions[0])
            : `Spell out '${acr}' the first time it is used; the decision maker may not know local or professional shorthand.`,
          suggestions,
          rationale: rule.meta.rationale,
          source: rule.meta.source,
        });
      }
    }
  }
  return out;
}
