/**
 * Document-level elements a referral needs (act, means, purpose, when, where, own words, consent,
 * indicators). Each is present when its detectors fire in a section that can hold it.
 */
import type { CompiledRequired, RuleSet } from '../../rules/compile.js';
import type { BlockInfo } from '../analyze.js';
import { matchAt } from '../pattern.js';
import type { Sentence } from '../tokenize.js';
import type { ElementName, MissingElement, Subject } from '../types.js';
import { applies, contextFor } from './terms.js';

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';
const NUM = '(?:\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of|\\d+ or \\d+)';
const DATE = new RegExp(
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

const PREP = new Set(['in', 'at', 'to', 'from', 'near', 'into', 'outside', 'around', 'between', 'across', 'through', 'via', 'towards', 'inside', 'within', 'of', 'on']);
const NOT_PLACES = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'easter', 'christmas', 'year', 'i', 'english', 'universal', 'modern', 'national', 'home', 'police', 'independent', 'child', 'children', 'the', 'a', 'an', 'his', 'her', 'their', 'my', 'our', 'ramadan', 'eid', 'whatsapp', 'facebook', 'instagram', 'snapchat', 'tiktok', 'google']);

/** Capitalised words that name people in this draft: after `Name:`, or right before a verb of speech or action. */
function personNames(blocks: readonly BlockInfo[]): Set<string> {
  const names = new Set<string>();
  const verbs = /^(?:said|says|told|tells|was|is|has|had|went|came|explained|described|lives|lived|worked|works|showed|stated|reported|arrived|left|met|walked|kept|became|remains)$/;
  for (const b of blocks) {
    const nm = /\bName:\s*([A-Z][\p{L}'-]+)/u.exec(b.text);
    if (nm) names.add(nm[1]!.toLowerCase());
    for (const s of b.sentences) {
      s.tokens.forEach((t, i) => {
        const next = s.tokens[i + 1];
        const nextIsInitial = next && /^\p{Lu}$/u.test(next.text) && s.tokens[i + 2]?.text === '.';
        if (/^\p{Lu}\p{Ll}+$/u.test(t.text) && ((next && verbs.test(next.norm)) || nextIsInitial || next?.norm === "'s")) {
          names.add(t.norm.replace(/'s$/, ''));
        }
        if (/^\p{Lu}\p{Ll}+'s$/u.test(t.text)) names.add(t.norm.replace(/'s$/, ''));
      });
    }
  }
  return names;
}

function hasNamedPlace(s: Sentence, names: ReadonlySet<string>): boolean {
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

export interface ElementResult {
  element: ElementName;
  rule: CompiledRequired;
  present: boolean;
  evidence?: { start: number; end: number };
}

export function checkRequired(set: RuleSet, blocks: readonly BlockInfo[], subject: Subject): ElementResult[] {
  const out: ElementResult[] = [];
  let names: Set<string> | undefined;
  for (const rule of set.required) {
    if (!applies(rule.meta.scope, subject)) continue;
    const hitGroups = new Set<string>();
    let evidence: { start: number; end: number } | undefined;
    const note = (g: string, start: number, end: number) => {
      hitGroups.add(g);
      evidence ??= { start, end };
    };
    for (const b of blocks) {
      if ([...b.sections].some((k) => rule.excludeSections.has(k))) continue;
      if (rule.detectors.includes('quoted-words')) {
        for (const q of b.quotes) if (q.inner.trim().split(/\s+/).length >= 3) note('quoted-words', q.start, q.end);
      }
      for (const s of b.sentences) {
        const st = b.text.slice(s.start - b.block.start, s.end - b.block.start);
        if (rule.detectors.includes('date') && !BIRTH.test(st)) {
          const m = DATE.exec(st);
          if (m) note('date', s.start + m.index, s.start + m.index + m[0].length);
        }
        if (rule.detectors.includes('named-place') && !BIRTH.test(st) && hasNamedPlace(s, (names ??= personNames(blocks)))) note('named-place', s.start, s.end);
        let ctx: ReturnType<typeof contextFor> | undefined;
        for (const [g, patterns] of rule.groups) {
          if (hitGroups.has(g)) continue;
          for (const p of patterns) {
            const trig = p.triggerSet;
            let found = false;
            for (let i = 0; i < s.tokens.length && !found; i++) {
              if (!trig.has(s.tokens[i]!.norm)) continue;
              ctx ??= contextFor(b.text, s, b.block.start);
              const m = matchAt(p, ctx, i);
              if (m) {
                note(g, s.tokens[m.from]!.start, s.tokens[m.to - 1]!.end);
                found = true;
              }
            }
            if (found) break;
          }
        }
      }
    }
    out.push({ element: rule.element, rule, present: hitGroups.size >= rule.minGroups, evidence });
  }
  return out;
}

export function toMissing(r: ElementResult): MissingElement {
  return {
    element: r.element,
    rule: r.rule.meta.id,
    message: r.rule.meta.message,
    question: r.rule.question,
    rationale: r.rule.meta.rationale,
    source: r.rule.meta.source,
  };
}
