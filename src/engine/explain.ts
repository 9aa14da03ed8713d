/**
 * Why a sentence got (or did not get) its findings: how the sentence layer read it (clauses, subjects and
 * their roles, verbs, negation, whose words each part is) and, for every rule pattern whose trigger word is in
 * the sentence, whether it matched and which reading or condition let it fire or stopped it. For rule
 * authors, trainers and the app's "Why" on a finding.
 */
import type { CompiledTerm, RuleSet } from './rule-set.js';
import { applies, contextFor, readingBlocks, sentenceFindings } from './checks/terms.js';
import { matchAt } from './pattern.js';
import { findQuotes, insideAny } from './quotes.js';
import { readSentence, type Role, type Voice } from './reading.js';
import { detectSubject } from './subject.js';
import { splitSentences, tokenize } from './tokenize.js';
import type { Finding, Subject } from './types.js';
import { fromPlainText } from '../document/plain.js';

export interface ClauseExplained {
  text: string;
  subject?: { text: string; role: Role };
  verb?: { text: string; tense: string; modal?: string; negated: boolean };
  negators: string[];
  generic: boolean;
  reports?: Voice;
  /** The writer's advice to readers ("Officers should treat ..."): see ClauseReading.directive. */
  directive?: boolean;
}

export interface CandidateExplained {
  rule: string;
  /** The pattern as written, and the meaning class and sense it came from. */
  pattern: string;
  origin?: string;
  matched: string;
  fired: boolean;
  /** Why it fired or not, in words. */
  why: string;
}

export interface SentenceExplained {
  text: string;
  clauses: ClauseExplained[];
  /** Runs of words by whose words they are. */
  voices: { text: string; voice: Voice }[];
  candidates: CandidateExplained[];
  findings: Finding[];
}

export interface Explanation {
  subject: Subject;
  sentences: SentenceExplained[];
}

/** Explains every sentence of `text` (one block). */
export function explain(text: string, rules: RuleSet, subjectOverride?: Partial<Subject>): Explanation {
  const subject: Subject = { ...detectSubject(text), ...subjectOverride };
  const quotes = findQuotes(text);
  const sentences = splitSentences(tokenize(text)).map((s): SentenceExplained => {
    const r = readSentence(s, text, quotes);
    const words = (a: number, b: number) => text.slice(s.tokens[a]!.start, s.tokens[b - 1]!.end);
    const voices: SentenceExplained['voices'] = [];
    let runStart = 0;
    s.tokens.forEach((t, i) => {
      const last = voices[voices.length - 1];
      if (last && last.voice === r.voice[i]) last.text = text.slice(runStart, t.end);
      else {
        runStart = t.start;
        voices.push({ text: t.text, voice: r.voice[i]! });
      }
    });
    const ctx = contextFor(text, s, 0);
    const candidates: CandidateExplained[] = [];
    for (let i = 0; i < s.tokens.length; i++) {
      for (const { term, pattern } of rules.triggers.get(s.tokens[i]!.norm) ?? []) {
        const m = matchAt(pattern, ctx, i);
        const base = { rule: term.meta.id, pattern: pattern.source, ...(term.origins.get(pattern) ? { origin: term.origins.get(pattern) } : {}) };
        if (!m) continue;
        const matched = words(m.from, m.to);
        candidates.push({ ...base, matched, ...verdict(term, subject, r, s.tokens[m.from]!.start, s.tokens[m.to - 1]!.end, m.from, quotes, m.to) });
      }
    }
    return {
      text: text.slice(s.start, s.end),
      clauses: r.clauses.map((c) => ({
        text: words(c.from, c.to),
        ...(c.subject ? { subject: { text: c.subject.text, role: c.subject.role } } : {}),
        ...(c.verb ? { verb: { text: c.verb.text, tense: c.verb.tense, ...(c.verb.modal ? { modal: c.verb.modal } : {}), negated: c.verb.negated } } : {}),
        negators: c.negators.map((k) => s.tokens[k]!.text),
        generic: c.generic,
        ...(c.reports ? { reports: c.reports } : {}),
        ...(c.directive ? { directive: true } : {}),
      })),
      voices,
      candidates,
      findings: sentenceFindings(rules, text, s, subject),
    };
  });
  return { subject, sentences };
}

/**
 * The explanation of the one sentence of a draft that holds offset `at` (the app's "Why" on a finding): the
 * draft is read as blocks the way the lint reads it, and the sentence is explained within its block.
 */
export function explainAt(text: string, at: number, rules: RuleSet, subject: Partial<Subject>): { subject: Subject; sentence: SentenceExplained } | null {
  const doc = fromPlainText(text);
  const block = doc.blocks.find((b) => b.start <= at && at < b.end);
  if (!block) return null;
  const blockText = doc.text.slice(block.start, block.end);
  const ex = explain(blockText, rules, subject);
  const rel = at - block.start;
  let pos = 0;
  for (const s of ex.sentences) {
    const from = blockText.indexOf(s.text, pos);
    if (from <= rel && rel < from + s.text.length) return { subject: ex.subject, sentence: s };
    pos = from + s.text.length;
  }
  return null;
}

function verdict(term: CompiledTerm, subject: Subject, r: ReturnType<typeof readSentence>, start: number, end: number, from: number, quotes: ReturnType<typeof findQuotes>, to: number): { fired: boolean; why: string } {
  if (!applies(term.scope, subject)) return { fired: false, why: `applies only to ${term.scope === 'child' ? 'a child' : 'an adult'}` };
  if (term.voice !== 'any' && insideAny(quotes, start, end)) return { fired: false, why: 'inside quotation marks: someone else\'s words' };
  const blocked = readingBlocks(term, r, from, to);
  if (blocked) return { fired: false, why: blocked };
  return { fired: true, why: 'matched in the writer\'s own words, not negated' };
}
