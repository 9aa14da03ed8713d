/** The core's public surface: every host (CLI, Electron main, browser host, tests) imports from here. */
import { fromPlainText } from './document/plain.js';
import type { Document } from './document/model.js';
import { lint, type LintOptions } from './engine/lint.js';
import type { LintResult } from './engine/types.js';
import { compileRules, type RuleSet } from './rules/compile.js';
import { loadRuleDirs } from './rules/load.js';
import { ruleDirs, type RuleOptions } from './rules/ruleset.js';

export * from './engine/types.js';
export type { Document, Block } from './document/model.js';
export type { RuleSet } from './rules/compile.js';
export { RuleLoadError, formatProblem } from './rules/errors.js';
export { DEFAULT_RULES_DIR, loadRulesCached, type RuleOptions } from './rules/ruleset.js';
export { fromPlainText } from './document/plain.js';
export { lint } from './engine/lint.js';
export { clearCaches } from './engine/caches.js';
export { applySuggestions, type Edit, type Applied } from './rewrite/apply.js';

/** Loads and compiles rules straight from the files (no cache). */
export function loadRules(opts: RuleOptions = {}): RuleSet {
  return compileRules(loadRuleDirs(ruleDirs(opts)), opts);
}

export function checkText(text: string, rules: RuleSet, opts?: LintOptions): { document: Document } & LintResult {
  const document = fromPlainText(text);
  return { document, ...lint(document, rules, opts) };
}
