/**
 * The app's rules: the built-in ones, with the organisation config kept in the app-data folder
 * (`<app data>/.nrmcheckrc.json`) applied when there is one. The app has no file to search upwards from, so
 * this one place is where an organisation sets it up. The config is used only if it is the user's own and
 * others cannot change it; a config that cannot be used leaves every built-in rule on and says why, in the
 * Settings view, instead of stopping the app.
 */
import path from 'node:path';
import type { RuleSet } from '../rules/compile.js';
import { RuleLoadError } from '../rules/errors.js';
import { loadRulesCached, type RuleOptions } from '../rules/ruleset.js';
import { ConfigError, parseConfig, type Config } from './config.js';
import { CONFIG_NAME } from './find.js';
import { inForce, type ConfigInForce } from './in-force.js';
import { currentUid, readTrusted } from './trust.js';

export interface AppRules {
  rules: RuleSet;
  /** How `rules` were loaded, for the audit's worker threads. */
  ruleOptions: RuleOptions;
  /** Terms the organisation accepts (never flagged). */
  accept: string[];
  config: ConfigInForce;
}

const optionsOf = (c: Config): RuleOptions => ({ extraDirs: c.rules, disable: c.disable, severity: c.severity });

export async function loadAppRules(dataDir: string, opts: { uid?: number } = {}): Promise<AppRules> {
  const file = path.join(dataDir, CONFIG_NAME);
  const got = readTrusted(file, 'uid' in opts ? opts.uid : currentUid());
  const builtIn = async (config: ConfigInForce): Promise<AppRules> => ({ rules: await loadRulesCached(), ruleOptions: {}, accept: [], config });
  if ('reason' in got) {
    if (got.reason === 'it does not exist') return builtIn(inForce(null, undefined));
    return builtIn(inForce(null, undefined, { ignored: [{ file, reason: got.reason }] }));
  }
  let config: Config;
  try {
    config = parseConfig(got.text, file);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return builtIn(inForce(file, undefined, { problem: e.message.slice(file.length + 2) }));
  }
  const ruleOptions = optionsOf(config);
  try {
    const rules = await loadRulesCached(ruleOptions);
    return { rules, ruleOptions, accept: config.accept, config: inForce(file, config, { known: rules.loaded.map((l) => l.id) }) };
  } catch (e) {
    if (!(e instanceof RuleLoadError)) throw e;
    return builtIn(inForce(file, undefined, { problem: `its rule folders could not be loaded (${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}, the first: ${e.message.split('\n')[0]})` }));
  }
}
