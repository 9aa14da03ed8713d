import type { DraftData } from '../src/api/contract.js';
import { checkText, loadRules, type RuleSet } from '../src/index.js';

let rules: RuleSet | undefined;
export function builtInRules(): RuleSet {
  return (rules ??= loadRules());
}

/** Lints a text with the built-in rules; `subject` forces child or adult. */
export function check(text: string, subject?: 'child' | 'adult') {
  return checkText(text, builtInRules(), subject ? { subject: { isChild: subject === 'child' } } : {});
}

export function flagged(text: string, subject?: 'child' | 'adult'): string[] {
  return check(text, subject).findings.map((f) => f.excerpt);
}

/** A draft as the app sends it through the API: text typed in (no imported structure), no decisions yet. */
export function typedDraft(text: string, more: Partial<DraftData> = {}): DraftData {
  return { name: 'draft.txt', original: null, text, accepted: [], dismissed: [], ...more };
}
