/**
 * The config in force and what it changes, stated the same way by the CLI (a line on stderr, data in JSON and
 * SARIF) and the app (the Settings view), so that a config that turns rules off is never silent.
 */
import type { Severity } from '../engine/types.js';
import type { Config } from './config.js';

export interface ConfigInForce {
  /** The config file in force; null when there is none. */
  file: string | null;
  /** Rules it turns off. */
  disabled: string[];
  /** Ids it turns off that name no rule (a typo, or a rule since renamed). */
  unknown: string[];
  severity: Record<string, Severity>;
  ruleFolders: string[];
  accepted: string[];
  /** Config files passed over, and why. */
  ignored: { file: string; reason: string }[];
  /** Why a config that exists could not be used; the built-in rules run instead. */
  problem?: string;
}

export function inForce(file: string | null, config: Config | undefined, opts: { known?: readonly string[]; ignored?: ConfigInForce['ignored']; problem?: string } = {}): ConfigInForce {
  const known = opts.known ? new Set(opts.known) : undefined;
  const off = config?.disable ?? [];
  return {
    file,
    disabled: off.filter((id) => !known || known.has(id)),
    unknown: known ? off.filter((id) => !known.has(id)) : [],
    severity: config?.severity ?? {},
    ruleFolders: config?.rules ?? [],
    accepted: config?.accept ?? [],
    ignored: opts.ignored ?? [],
    ...(opts.problem ? { problem: opts.problem } : {}),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the config changes, e.g. "turns off 3 rules: a, b, c; accepts 1 term: GLAA". */
export function effects(c: ConfigInForce): string {
  const parts: string[] = [];
  if (c.disabled.length) parts.push(`turns off ${plural(c.disabled.length, 'rule')}: ${c.disabled.join(', ')}`);
  if (c.unknown.length) parts.push(`names ${plural(c.unknown.length, 'rule')} that ${c.unknown.length === 1 ? 'does' : 'do'} not exist: ${c.unknown.join(', ')}`);
  const sev = Object.entries(c.severity);
  if (sev.length) parts.push(`changes the level of ${plural(sev.length, 'rule')}: ${sev.map(([id, s]) => `${id} (${s})`).join(', ')}`);
  if (c.ruleFolders.length) parts.push(`adds ${c.ruleFolders.length === 1 ? 'a rule folder' : 'rule folders'}: ${c.ruleFolders.join(', ')}`);
  if (c.accepted.length) parts.push(`accepts ${plural(c.accepted.length, 'term')}: ${c.accepted.join(', ')}`);
  return parts.length ? parts.join('; ') : 'changes nothing';
}

/** The CLI's line on stderr: "Config: /path/.nrmcheckrc.json (turns off 3 rules: a, b, c)". */
export function configLine(c: ConfigInForce): string | undefined {
  return c.file ? `Config: ${c.file} (${effects(c)})` : undefined;
}

/** One note per config file that was passed over. */
export function ignoredLines(c: ConfigInForce): string[] {
  return c.ignored.map((i) => `Ignored the config file ${i.file}: ${i.reason}. Only config files you own, that others cannot change, are used.`);
}

/**
 * Said beside the count of findings whenever rules are off, so "0 findings" is never mistaken for a clean
 * draft: "3 rules are turned off by /path/.nrmcheckrc.json" (and by --disable when given there).
 */
export function offNote(c: ConfigInForce, commandLine: readonly string[] = []): string | undefined {
  const byFile = c.file ? c.disabled : [];
  const byFlag = commandLine.filter((id) => !byFile.includes(id));
  const n = byFile.length + byFlag.length;
  if (!n) return undefined;
  const who = [byFile.length ? c.file! : '', byFlag.length ? '--disable' : ''].filter(Boolean).join(' and ');
  return `${plural(n, 'rule')} ${n === 1 ? 'is' : 'are'} turned off by ${who}`;
}

/** The app's Settings line: which organisation config is in force, or that all built-in rules are on. */
export function settingsLine(c: ConfigInForce): string {
  if (c.problem) return `The organisation config${c.file ? ` ${c.file}` : ''} could not be used: ${c.problem}. All built-in rules are on; ask whoever set it up to correct it.`;
  if (c.file) return `Organisation config: ${c.file} — ${effects(c)}.`;
  const passed = c.ignored.map((i) => `${i.file} was ignored: ${i.reason}.`).join(' ');
  return `No organisation config: all built-in rules are on.${passed ? ` ${passed}` : ''}`;
}
