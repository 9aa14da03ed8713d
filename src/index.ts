/** The core's public surface: every host (CLI, Electron main, browser host, tests) imports from here. */
import { fileURLToPath } from 'node:url';
import { fromPlainText } from './document/plain.js';
import type { Document } from './document/model.js';
import { lint, type LintOptions } from './engine/lint.js';
import type { LintResult } from './engine/types.js';
import { compileRules, type RuleOverrides, type RuleSet } from './rules/compile.js';
import { loadRuleDirs } from './rules/load.js';

export * from './engine/types.js';
export type { Document, Block } from './document/model.js';
export type { RuleSet } from './rules/compile.js';
export { RuleLoadError, formatProblem } from './rules/load.js';
export { fromPlainText } from './document/plain.js';
export { lint } from './engine/lint.js';
export { applySuggestions, type Edit, type Applied } from './rewrite/apply.js';

/** The rules shipped with the app. */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../rules', import.meta.url));

export interface RuleOptions extends RuleOverrides {
  /** Extra rule folders, loaded after the built-in ones (same id replaces). */
  extraDirs?: string[];
  /** Replace the built-in rules entirely. */
  rulesDir?: string;
}

export function loadRules(opts: RuleOptions = {}): RuleSet {
  const dirs = [opts.rulesDir ?? DEFAULT_RULES_DIR, ...(opts.extraDirs ?? [])];
  return compileRules(loadRuleDirs(dirs), opts);
}

export function checkText(text: string, rules: RuleSet, opts?: LintOptions): { document: Document } & LintResult {
  const document = fromPlainText(text);
  return { document, ...lint(document, rules, opts) };
}
