/**
 * The decisions of a saved check, put back on a fresh check of its text when History opens it in the check
 * view. The history keeps each finding's rule, words (the text is kept, so its excerpts are) and decision,
 * not its place: a dismissal goes back on the first open finding of the same rule and words; an accepted
 * suggestion is already in the text, so it comes back as a record (for the report) without a place.
 */
import type { Finding } from '../engine/types.js';
import type { StoredFinding } from '../store/store.js';
import type { RuleSet } from '../rules/compile.js';
import { ruleWords } from './rule-words.js';

export function savedDecisions(stored: readonly StoredFinding[], found: readonly Finding[], rules: RuleSet): { accepted: { finding: Finding; suggestion: string }[]; dismissed: { finding: Finding; reason: string }[] } {
  const free = [...found];
  const dismissed: { finding: Finding; reason: string }[] = [];
  for (const s of stored.filter((x) => x.decision === 'dismissed')) {
    const i = free.findIndex((f) => f.rule === s.rule && f.excerpt === s.excerpt);
    if (i < 0) continue;
    dismissed.push({ finding: free[i]!, reason: s.reason?.trim() || 'Dismissed earlier.' });
    free.splice(i, 1);
  }
  const accepted = stored
    .filter((x) => x.decision === 'accepted')
    .map((s) => {
      const words = ruleWords(rules, [s.rule])[s.rule]!;
      const finding: Finding = { rule: s.rule, category: s.category, severity: s.severity, start: 0, end: 0, excerpt: s.excerpt ?? '', message: words.name, suggestions: [], rationale: words.about, source: { id: '', title: '' } };
      return { finding, suggestion: '' };
    });
  return { accepted, dismissed };
}
