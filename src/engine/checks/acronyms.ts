/**
 * Acronyms: the first use of an acronym must be expanded there ("Full Name (FN)" or "FN (Full Name)");
 * later uses are fine. Known acronyms get their expansion as the suggestion.
 */
import type { CompiledAcronyms } from '../../rules/compile.js';
import type { BlockInfo } from '../analyze.js';
import { insideAny } from '../quotes.js';
import type { Sentence } from '../tokenize.js';
import type { Finding } from '../types.js';
import { fill } from '../messages.js';
import { contextFor, sentenceHas } from './terms.js';

const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XX)$/;

/** The acronym a token spells, or null: "PVs" → "PV", "NFA'd" → "NFA". */
export function acronymOf(word: string, known: ReadonlyMap<string, unknown>): string | null {
  const base = word.replace(/(?:['’]d|['’]s|s)$/, '');
  if (known.has(base)) return base;
  if (known.has(word)) return word;
  if (!/^[A-Z][A-Z&]{1,4}$/.test(base) || ROMAN.test(base)) return null;
  return base;
}

function isExpandedHere(s: Sentence, i: number): boolean {
  const t = s.tokens;
  // "ACR (Full Name)"
  if (t[i + 1]?.text === '(') {
    let words = 0;
    for (let k = i + 2; k < t.length && t[k]!.text !== ')'; k++) if (t[k]!.isWord) words++;
    if (words >= 2) return true;
  }
  // "Full Name (ACR)"
  if (t[i - 1]?.text === '(' && t[i + 1]?.text === ')') {
    let words = 0;
    for (let k = i - 2; k >= 0 && t[k]!.isWord; k--) words++;
    return words >= 1;
  }
  return false;
}

export function checkAcronyms(rule: CompiledAcronyms, blocks: readonly BlockInfo[], text: string): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const info of blocks) {
    if (!/\p{Ll}/u.test(info.text) && (info.text.match(/\p{L}{2,}/gu) ?? []).length > 1) continue; // a shouted title, not prose
    for (const s of info.sentences) {
      s.tokens.forEach((tok, i) => {
        if (!tok.isWord || !/\p{Lu}.*\p{Lu}/u.test(tok.text)) return;
        const acr = acronymOf(tok.text, rule.expansions);
        if (!acr || rule.exceptions.has(acr) || seen.has(acr)) return;
        seen.add(acr);
        if (insideAny(info.quotes, tok.start, tok.end)) return;
        if (isExpandedHere(s, i)) return;
        const options = rule.expansions.get(acr);
        let expansion: string | undefined;
        if (options) {
          const ctx = contextFor(info.text, s, info.block.start);
          expansion = (options.find((o) => !o.ifSentence || sentenceHas(o.ifSentence, ctx)) ?? options[options.length - 1])?.expansion;
        }
        if (!expansion && !rule.flagUnknown) return;
        const end = tok.start + acr.length;
        const suggestions = expansion ? [`${expansion} (${acr})`] : [];
        out.push({
          rule: rule.meta.id,
          category: rule.meta.category,
          severity: rule.meta.severity,
          start: tok.start,
          end,
          excerpt: text.slice(tok.start, end),
          message: expansion
            ? fill(rule.meta.message, acr, suggestions[0])
            : `Spell out '${acr}' the first time it is used; the decision maker may not know local or professional shorthand.`,
          suggestions,
          rationale: rule.meta.rationale,
          source: rule.meta.source,
        });
      });
    }
  }
  return out;
}
