/**
 * Organisation settings in `.nrmcheckrc.json`: disable rules, change severities, add rule folders, accept
 * terms. Looked up from the checked file's folder upwards (see find.ts), given with --config, or kept in the
 * app-data folder for the app (see app-config.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SEVERITIES } from '../engine/types.js';

export const ConfigSchema = z
  .object({
    disable: z.array(z.string()).default([]),
    severity: z.record(z.string(), z.enum(SEVERITIES)).default({}),
    rules: z.array(z.string()).default([]),
    accept: z.array(z.string()).default([]),
  })
  .strict();
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates a config file; rule folders are resolved against the file's folder. */
export function readConfig(file: string): Config {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read the config file (${(e as Error).message})`);
  }
  return parseConfig(text, file);
}

/** Validates a config file's text, read from `file`. */
export function parseConfig(text: string, file: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${file}: cannot read the config file (${(e as Error).message})`);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new ConfigError(`${file}: ${i.path.join('.') || '(file)'}: ${i.message}`);
  }
  const base = path.dirname(file);
  return { ...parsed.data, rules: parsed.data.rules.map((r) => path.resolve(base, r)) };
}
