/**
 * Inflection of rule terms and suggestions, so that "claimed" is matched by `{claim}` and re-written as
 * "stated", and "money mules" as "financially exploited children". Backed by compromise, memoised.
 */
import { nlp } from './nlp.js';

export type VerbForm = 'inf' | 'pres3' | 'past' | 'part' | 'ger';
export type NounForm = 'sing' | 'plural';
export type Form = VerbForm | NounForm;

export interface VerbForms {
  inf: string;
  pres3: string;
  past: string;
  part: string;
  ger: string;
}

const BE: VerbForms = { inf: 'be', pres3: 'is', past: 'was', part: 'been', ger: 'being' };
const verbCache = new Map<string, VerbForms>();
const pluralCache = new Map<string, string>();

/** All forms of a verb phrase; only its first word is inflected ("go missing" → "went missing"). */
export function verbForms(phrase: string): VerbForms {
  let hit = verbCache.get(phrase);
  if (hit) return hit;
  const [head = phrase, ...rest] = phrase.split(' ');
  const tail = rest.length ? ' ' + rest.join(' ') : '';
  let base: VerbForms;
  if (head === 'be') base = BE;
  else {
    const c = (nlp()(head).verbs().conjugate() as Record<string, string>[])[0];
    if (!c) base = { inf: head, pres3: head + 's', past: head + 'ed', part: head + 'ed', ger: head + 'ing' };
    else {
      base = {
        inf: c.Infinitive ?? head,
        pres3: c.PresentTense ?? head + 's',
        past: c.PastTense ?? head + 'ed',
        part: c.Participle ?? c.PastTense ?? head + 'ed',
        ger: c.Gerund ?? head + 'ing',
      };
    }
  }
  base = fixSpelling(base);
  hit = {
    inf: base.inf + tail,
    pres3: base.pres3 + tail,
    past: base.past + tail,
    part: base.part + tail,
    ger: base.ger + tail,
  };
  verbCache.set(phrase, hit);
  return hit;
}

/** English spelling rules compromise misses: traffic → trafficked, kidnap → kidnapping. */
function fixSpelling(f: VerbForms): VerbForms {
  if (/[^aeiou]ic$/.test(f.inf)) return { ...f, past: f.inf + 'ked', part: f.inf + 'ked', ger: f.inf + 'king' };
  const doubled = /([bdgklmnprtz])\1ed$/.exec(f.past);
  if (doubled && !f.ger.endsWith(doubled[1]! + doubled[1]! + 'ing')) return { ...f, ger: f.past.slice(0, -2) + 'ing' };
  return f;
}

/** The plural of a noun phrase (its last noun): "financially exploited child" → "... children". */
export function pluralOf(phrase: string): string {
  let hit = pluralCache.get(phrase);
  if (hit) return hit;
  const words = phrase.split(' ');
  const ofAt = words.indexOf('of');
  if (ofAt > 0) {
    // "victim of sexual exploitation" → "victims of sexual exploitation"
    hit = [pluralOf(words.slice(0, ofAt).join(' ')), ...words.slice(ofAt)].join(' ');
  } else {
    const out = nlp()(phrase).nouns().toPlural().text() as string;
    hit = out && out !== phrase ? out : phrase + 's';
  }
  pluralCache.set(phrase, hit);
  return hit;
}

const SUBJECT_PLURAL = new Set(['they', 'we', 'you', 'both', 'two', 'three', 'men', 'women', 'children', 'people', 'boys', 'girls']);

/** A verb phrase in a given form, with "be" agreeing with a plural or first-person subject. */
export function inflectVerb(phrase: string, form: VerbForm, subject?: string): string {
  const f = verbForms(phrase);
  let out = f[form];
  if (phrase.startsWith('be ') || phrase === 'be') {
    const s = subject?.toLowerCase();
    const rest = phrase.slice(2);
    if (s && SUBJECT_PLURAL.has(s)) {
      if (form === 'pres3') out = 'are' + rest;
      if (form === 'past') out = 'were' + rest;
    } else if (s === 'i') {
      if (form === 'pres3') out = 'am' + rest;
    }
  }
  return out;
}

/** "a" or "an" before a word, by its first sound (good enough for English prose). */
export function articleFor(word: string): 'a' | 'an' {
  const w = word.toLowerCase();
  if (/^(uni|use|usu|uk\b|eu|one|once|ur)/.test(w)) return 'a';
  if (/^(hour|honest|honou?r|heir)/.test(w)) return 'an';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

/** The inflections computed so far, to be saved with compiled rules and restored at the next start. */
export function exportInflections(): { verbs: [string, VerbForms][]; plurals: [string, string][] } {
  return { verbs: [...verbCache], plurals: [...pluralCache] };
}

export function seedInflections(saved: { verbs: [string, VerbForms][]; plurals: [string, string][] }): void {
  for (const [k, v] of saved.verbs) verbCache.set(k, v);
  for (const [k, v] of saved.plurals) pluralCache.set(k, v);
}
