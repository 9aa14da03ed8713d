/**
 * Renders a rule's suggestion templates for one match, keeping tense, number and capitals:
 * `{state}` follows the matched verb's form ("claimed" → "stated", "had absconded" → "had gone missing"),
 * `{financially exploited child}` follows the matched noun's number, and a leading "a"/"an" before the
 * match is corrected (the span then includes it).
 */
import { articleFor, inflectVerb, pluralOf, type Form, type VerbForm } from './inflect.js';
import type { Token } from './tokenize.js';

const ADVERBS = new Set(['not', 'never', 'also', 'already', 'just', 'then', 'previously', 'reportedly', 'allegedly', 'since', 'only', 'first', 'recently', 'repeatedly', 'now', 'often', 'always', 'still', 'later', 'initially', "n't"]);
const HAVE = new Set(['have', 'has', 'had', 'having', "'ve", "'d"]);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", 'am']);
const MODAL = new Set(['to', 'will', 'would', 'could', 'should', 'must', 'may', 'might', 'can', 'did', 'does', 'do', "didn't", "doesn't", "don't"]);

function previousWord(tokens: readonly Token[], i: number): Token | undefined {
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (!t.isWord) return undefined;
    if (!ADVERBS.has(t.norm)) return t;
  }
  return undefined;
}

/** The form the head token is in, choosing between forms that share a spelling ("claimed": past or participle). */
export function resolveForm(forms: readonly Form[], tokens: readonly Token[], head: number): Form | undefined {
  if (forms.length <= 1) return forms[0];
  const prev = previousWord(tokens, head)?.norm;
  if (forms.includes('ger')) return 'ger';
  if (forms.includes('part') && prev && (HAVE.has(prev) || BE.has(prev))) return 'part';
  if (forms.includes('inf') && prev && MODAL.has(prev)) return 'inf';
  if (forms.includes('past')) return 'past';
  if (forms.includes('pres3')) return 'pres3';
  return forms[0];
}

export function renderTemplate(template: string, form: Form | undefined, subjectWord: string | undefined): string {
  return template.replace(/\{([^{}]+)\}/g, (_, inner: string) => {
    if (!form || form === 'sing') return inner;
    // "has been placing herself at risk" → "has been put at risk", not "has been being put at risk"
    if (form === 'ger' && subjectWord === 'been' && inner.startsWith('be ')) return inner.slice(3);
    if (form === 'plural') return pluralOf(inner);
    return inflectVerb(inner, form as VerbForm, subjectWord);
  });
}

export interface Rendered {
  start: number;
  end: number;
  suggestions: string[];
}

/**
 * Final suggestions for a span: capitalised like the original, and with the article before the span made
 * to agree (in which case the span grows to include the article).
 */
export function finishSuggestions(text: string, start: number, end: number, raw: string[], tokens: readonly Token[], spanTokenFrom: number): Rendered {
  const original = text.slice(start, end);
  const capital = /^\p{Lu}/u.test(original) && !/^\p{Lu}{2,}/u.test(original);
  let suggestions = raw.map((s) => (capital && s ? s[0]!.toUpperCase() + s.slice(1) : s));
  let s = start;
  const art = spanTokenFrom > 0 ? tokens[spanTokenFrom - 1] : undefined;
  // any suggestion that needs the other article takes the article into the span, each with its own
  if (art && (art.norm === 'a' || art.norm === 'an') && art.end + 1 === start && suggestions.some((x) => x && /^[\p{L}]/u.test(x))) {
    if (suggestions.some((x) => x && articleFor(x) !== art.norm)) {
      s = art.start;
      const cap = /^\p{Lu}/u.test(art.text);
      suggestions = suggestions.map((x) => {
        if (!x) return x;
        const a = articleFor(x);
        return `${cap ? a[0]!.toUpperCase() + a.slice(1) : a} ${x}`;
      });
    }
  }
  return { start: s, end, suggestions };
}

export function subjectWordBefore(tokens: readonly Token[], head: number): string | undefined {
  return previousWord(tokens, head)?.norm;
}
