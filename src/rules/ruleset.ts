/** Builds the rule set the engine runs: the built-in rules plus any extra folders, with overrides. */
import { fileURLToPath } from 'node:url';
import { loadRuleDataCached } from './cache.js';
import { compileRules, type RuleOverrides, type RuleSet } from './compile.js';

/** The rules shipped with the app. */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

export interface RuleOptions extends RuleOverrides {
  /** Extra rule folders, loaded after the built-in ones (same id replaces). */
  extraDirs?: string[];
  /** Replace the built-in rules entirely. */
  rulesDir?: string;
}

export function ruleDirs(opts: RuleOptions): string[] {
  return [opts.rulesDir ?? DEFAULT_RULES_DIR, ...(opts.extraDirs ?? [])];
}

/** Loads through the package's compiled rules or the user's cache: the fast path for a start. */
export async function loadRulesCached(opts: RuleOptions = {}): Promise<RuleSet> {
  const { data, save } = await loadRuleDataCached(ruleDirs(opts), { shipped: DEFAULT_RULES_DIR });
  const set = compileRules(data, opts);
  save();
  return set;
}
