/**
 * Loads rule data through a cache of the validated files plus every inflection compiled from them, keyed by
 * the files' paths and contents. A warm start skips YAML parsing and the NLP library (about 0.6 s of a cold
 * CLI run). The cache holds rules only, never document text.
 *
 * The shipped rules alone come from the package's own compiled rule set (package.ts), built with the code, so
 * a first start or a cleared cache costs no inflections; the user's cache is for rule folders of their own
 * (and for a package without a sound compiled set). Inflections of the shipped rules are taken from the package
 * even then, so a user's folder costs only its own words.
 *
 * What a rule says is what users see, so the cache is trusted no further than the rule files: it lives in the
 * user's own cache folder (mode 0700), a file is used only if it is the user's, not a link and not writable by
 * others, and its payload matches the digest stored with it and passes the rule schemas. Anything else is
 * rebuilt from the rule files and replaced; a folder that is a link or another user's is never used.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { currentUid, privateDir, readTrusted, writePrivate } from '../config/trust.js';
import { exportInflections, seedInflections } from '../engine/inflect.js';
import { yamlFiles } from './files.js';
import type { RuleData } from './load.js';
import { readPackageRules } from './package.js';
import { formatSaved, hashCompiler, VERSION, type Saved } from './saved.js';

/** The product's folder name, as in src/store/paths.ts (a layer above this one). */
const PRODUCT_NAME = 'NRM Referral Checker';

/** The user's own cache folder for the product; NRM_CHECK_CACHE_DIR overrides it (tests). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.NRM_CHECK_CACHE_DIR) return path.resolve(env.NRM_CHECK_CACHE_DIR);
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), PRODUCT_NAME, 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', PRODUCT_NAME);
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(xdg, PRODUCT_NAME);
}

function keyOf(dirs: string[]): string {
  const h = hashCompiler(createHash('sha256').update(`v${VERSION}\0`));
  for (const dir of dirs) {
    h.update(`dir\0${path.resolve(dir)}\0`);
    for (const f of yamlFiles(dir)) h.update(`${f}\0`).update(fs.readFileSync(f));
  }
  return h.digest('hex').slice(0, 32);
}

/** How the rule data was obtained: from the package's compiled rules, a sound cache, or the rule files (and why not the cache). */
export type CacheUse = { from: 'package' } | { from: 'cache' } | { from: 'files'; why: 'none' | 'changed' | 'folder-tightened' | 'untrusted-folder'; detail?: string };

/** The cached payload if every check passes; otherwise why not. */
async function readCache(file: string, key: string, uid: number | undefined): Promise<{ saved: Saved } | { why: 'none' | 'changed'; detail: string }> {
  const got = readTrusted(file, uid);
  if ('reason' in got) return { why: got.reason === 'it does not exist' ? 'none' : 'changed', detail: got.reason };
  const { parseSaved } = await import('./saved-schema.js'); // the schemas, only for a user's own rule folders
  const parsed = parseSaved(got.text, key);
  return 'saved' in parsed ? { saved: parsed.saved as Saved } : { why: 'changed', detail: parsed.detail };
}

/**
 * Rule data for these folders: the package's compiled rules when `dirs` is just the shipped folder (`shipped`)
 * and they are sound, else the cache when it is sound and the files are unchanged, else the files.
 */
export async function loadRuleDataCached(dirs: string[], opts: { uid?: number; shipped?: string } = {}): Promise<{ data: RuleData; save: () => void; cache: CacheUse }> {
  const uid = 'uid' in opts ? opts.uid : currentUid();
  const shipped = opts.shipped !== undefined && dirs[0] !== undefined && path.resolve(dirs[0]) === path.resolve(opts.shipped) ? dirs[0] : undefined;
  if (shipped !== undefined && dirs.length === 1) {
    const got = readPackageRules(shipped, { uid });
    if ('saved' in got) {
      seedInflections(got.saved.inflections);
      return { data: got.saved.data as RuleData, save: () => {}, cache: { from: 'package' } };
    }
  }
  const dir = cacheDir();
  const key = keyOf(dirs);
  const file = path.join(dir, `rules-${key}.json`);
  const folder = privateDir(dir, uid);
  let cache: CacheUse;
  if (!folder.ok) cache = { from: 'files', why: 'untrusted-folder', detail: folder.reason };
  else if (folder.tightened) {
    // others could write here until now: forget everything it holds
    for (const f of fs.readdirSync(dir)) if (/^rules-[0-9a-f]+\.json$/.test(f)) fs.rmSync(path.join(dir, f), { force: true });
    cache = { from: 'files', why: 'folder-tightened' };
  }
  else {
    const got = await readCache(file, key, uid);
    if ('saved' in got) {
      seedInflections(got.saved.inflections);
      return { data: got.saved.data as RuleData, save: () => {}, cache: { from: 'cache' } };
    }
    cache = { from: 'files', why: got.why, detail: got.detail };
  }
  if (shipped !== undefined && dirs.length > 1) {
    // the user's folders are compiled below; the shipped rules' inflections come from the package
    const got = readPackageRules(shipped, { uid });
    if ('saved' in got) seedInflections(got.saved.inflections);
  }
  const { loadRuleDirs } = await import('./load.js');
  const data = loadRuleDirs(dirs);
  const save = () => {
    if (!folder.ok) return; // never write into a folder that is not the user's own
    try {
      writePrivate(file, formatSaved(key, { data, inflections: exportInflections() } satisfies Saved));
    } catch {
      // a read-only or full disk only costs speed
    }
  };
  return { data, save, cache };
}
