/**
 * Rules as a supervisor reads them: a name in words and one sentence on why it matters, instead of an id
 * such as "victim-blaming/risk-behaviour". The name comes from the rule's category and file; the sentence is
 * the rule's description, or the first sentence of its rationale. The history keeps ids (they stay stable
 * when wording changes); the words are looked up when the history is shown.
 */
import { ruleName } from '../engine/labels.js';
import type { RuleSet } from '../rules/compile.js';

export interface RuleWords {
  name: string;
  about: string;
}

/** The first sentence of a text (whole when it has one sentence). */
function firstSentence(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const m = /^.+?[.!?](?=\s+[A-Z"“(]|$)/.exec(t);
  return m ? m[0] : t;
}

/** Words for each rule id asked for; a rule no longer in the set (an old check) gets its name alone. */
export function ruleWords(rules: RuleSet, ids: Iterable<string>): Record<string, RuleWords> {
  const byId = new Map(rules.loaded.map((l) => [l.id, l.rule]));
  const out: Record<string, RuleWords> = {};
  for (const id of ids) {
    if (out[id]) continue;
    const r = byId.get(id) as { description?: string; rationale?: string } | undefined;
    out[id] = { name: ruleName(id), about: r ? firstSentence(r.description ?? r.rationale ?? '') : '' };
  }
  return out;
}
