/**
 * lint(document, rules) → subject, findings and missing elements. Term findings are cached per block
 * (keyed by the block's text and the subject), so re-linting after an edit re-reads only what changed.
 */
import { SIZE_LIMITS, TooLarge } from '../document/limits.js';
import type { Document } from '../document/model.js';
import type { RuleSet } from './rule-set.js';
import { analyze } from './analyze.js';
import { aboutThePerson } from './checks/parties.js';
import { checkAcronyms } from './checks/acronyms.js';
import { checkRequired, toMissing } from './checks/required.js';
import { checkScareQuotes } from './checks/scare-quotes.js';
import { checkTerms } from './checks/terms.js';
import { detectSubject } from './subject.js';
import type { ElementName, Finding, LintResult, Subject } from './types.js';

export interface LintOptions {
  /** Override the detected subject (e.g. the user says the person is a child). */
  subject?: Partial<Subject>;
  /** Terms an organisation accepts: findings whose text is one of these are dropped (case-insensitive). */
  accept?: string[];
  /** Reuse per-block results between calls (default true). */
  cache?: boolean;
  /** More findings than this stop the lint with TooLarge (default SIZE_LIMITS.maxFindings). */
  maxFindings?: number;
}

/** Per rule set, per block text (its cached reading, so an unchanged block's text is not hashed again), per child or adult. */
const termCache = new WeakMap<RuleSet, WeakMap<object, { child?: Finding[]; adult?: Finding[] }>>();

/** The rules that judge the person (a term with `about: person`): their findings are read for whom they are about. */
const personRuleIds = new WeakMap<RuleSet, Set<string>>();
function personRules(rules: RuleSet): Set<string> {
  let ids = personRuleIds.get(rules);
  if (!ids) personRuleIds.set(rules, (ids = new Set(rules.terms.filter((t) => t.about === 'person').map((t) => t.meta.id))));
  return ids;
}

export function lint(doc: Document, rules: RuleSet, opts: LintOptions = {}): LintResult {
  const detected = detectSubject(doc.text);
  const subject: Subject = { ...detected, ...opts.subject };
  const blocks = analyze(doc, rules.sections);
  let cache = opts.cache === false ? undefined : termCache.get(rules);
  if (!cache && opts.cache !== false) termCache.set(rules, (cache = new WeakMap()));
  const age = subject.isChild ? 'child' : 'adult';
  const findings: Finding[] = [];
  const max = opts.maxFindings ?? SIZE_LIMITS.maxFindings;
  const tooMany = (n: number) => new TooLarge('findings', n, max);
  for (const b of blocks) {
    if (b.block.kind === 'heading') continue;
    let cached = cache?.get(b.local);
    let rel = cached?.[age];
    if (!rel) {
      rel = checkTerms(rules, { block: { ...b.block, start: 0, end: b.text.length }, text: b.text, sections: b.sections, local: b.local, ...b.local }, b.text, subject, max - findings.length);
      if (findings.length + rel.length > max) throw tooMany(findings.length + rel.length);
      if (cache) {
        if (!cached) cache.set(b.local, (cached = {}));
        cached[age] = rel;
      }
    }
    if (findings.length + rel.length > max) throw tooMany(findings.length + rel.length);
    for (const f of rel) findings.push({ ...f, start: f.start + b.block.start, end: f.end + b.block.start });
  }
  for (const r of rules.acronyms) findings.push(...checkAcronyms(r, blocks, doc.text));
  for (const r of rules.scareQuotes) findings.push(...checkScareQuotes(r, blocks, rules.lexicon.get('person-state')));
  if (findings.length > max) throw tooMany(findings.length);
  const accept = new Set((opts.accept ?? []).map((a) => a.toLowerCase()));
  const kept = dedupe(aboutThePerson(findings, blocks, rules.lexicon.get('not-place') ?? new Set(), personRules(rules)).filter((f) => !accept.has(f.excerpt.toLowerCase())));
  const elements = checkRequired(rules, blocks, subject, doc.text);
  return {
    subject,
    findings: kept,
    missing: elements.filter((e) => !e.present).map(toMissing),
    present: elements.filter((e) => e.present && e.evidence).map((e) => ({ element: e.element as ElementName, ...e.evidence!, senses: e.senses })),
  };
}

/** Overlapping findings: keep the widest (a whole-sentence judgement wins over a word inside it). */
export function dedupe(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      if (f.end - f.start > last.end - last.start) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}
