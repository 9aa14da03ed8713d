/**
 * Finds `.nrmcheckrc.json` from a folder upwards. The search stops at the project root (the first folder
 * holding `.git`) or the user's home folder, whichever comes first, so a config in a parent folder nobody
 * chose (a download folder's parent, the root of a shared drive) does not silently change the results; and a
 * config file the user does not own (or that others may change) is ignored with a note. The schema (zod) is
 * loaded only when a config exists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from './config.js';
import { currentUid, distrust } from './trust.js';

export const CONFIG_NAME = '.nrmcheckrc.json';

export interface Found {
  /** The config file in force; undefined when there is none. */
  file?: string;
  /** Config files passed over on the way, and why. */
  ignored: { file: string; reason: string }[];
}

/** Why a config file may not be used; undefined when it may. */
export function distrustConfig(file: string, uid = currentUid()): string | undefined {
  try {
    return distrust(fs.lstatSync(file), uid, 'file');
  } catch {
    return 'it cannot be read';
  }
}

export function findConfig(startDir: string, opts: { home?: string; uid?: number } = {}): Found {
  const home = path.resolve(opts.home ?? os.homedir());
  const uid = 'uid' in opts ? opts.uid : currentUid();
  const ignored: Found['ignored'] = [];
  let dir = path.resolve(startDir);
  for (;;) {
    const p = path.join(dir, CONFIG_NAME);
    if (fs.existsSync(p) || isLink(p)) {
      const why = distrustConfig(p, uid);
      if (!why) return { file: p, ignored };
      ignored.push({ file: p, reason: why });
    }
    const up = path.dirname(dir);
    if (dir === home || fs.existsSync(path.join(dir, '.git')) || up === dir) return { ignored };
    dir = up;
  }
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

export async function readConfig(file: string): Promise<Config> {
  const { readConfig: read } = await import('./config.js');
  return read(file);
}
