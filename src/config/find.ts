/** Finds `.nrmcheckrc.json` from a folder upwards; the schema (zod) is loaded only when one exists. */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';

export const CONFIG_NAME = '.nrmcheckrc.json';

export function findConfig(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const p = path.join(dir, CONFIG_NAME);
    if (fs.existsSync(p)) return p;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export async function readConfig(file: string): Promise<Config> {
  const { readConfig: read } = await import('./config.js');
  return read(file);
}
