/**
 * Loads rule data through a cache of the validated files plus every inflection compiled from them, keyed by
 * the files' paths and contents. A warm start skips YAML parsing and the NLP library (about 0.6 s of a cold
 * CLI run). The cache holds rules only, never document text.
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
import { z } from 'zod';
import { currentUid, privateDir, readTrusted, writePrivate } from '../config/trust.js';
import { exportInflections, seedInflections } from '../engine/inflect.js';
import { yamlFiles } from './files.js';
import type { RuleData } from './load.js';
import { MeaningClass, RuleFile, Sources } from './schema.js';

const FORMAT = 'nrm-referral-checker/rule-cache';
const VERSION = 2;
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

/** The code that turns rule files into compiled data: a change to it must miss the cache too. */
const COMPILER_SOURCES = ['../engine/inflect.ts', '../engine/pattern.ts', './compile.ts', './schema.ts', './load.ts'].map((f) => new URL(f, import.meta.url));

function keyOf(dirs: string[]): string {
  const h = createHash('sha256').update(`v${VERSION}\0`);
  for (const src of COMPILER_SOURCES) {
    try {
      h.update(fs.readFileSync(src));
    } catch {
      h.update(src.pathname); // bundled builds have no sources; VERSION covers them
    }
  }
  for (const dir of dirs) {
    h.update(`dir\0${path.resolve(dir)}\0`);
    for (const f of yamlFiles(dir)) h.update(`${f}\0`).update(fs.readFileSync(f));
  }
  return h.digest('hex').slice(0, 32);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The file around the payload: what it is, for which rule files, and the payload's digest. */
const Envelope = z.object({ format: z.literal(FORMAT), version: z.literal(VERSION), key: z.string(), digest: z.string().regex(/^[0-9a-f]{64}$/), payload: z.string() }).strict();

/** The payload: rule data in the loader's shape (each rule file re-checked by its schema), and inflections. */
const Saved = z
  .object({
    data: z
      .object({
        rules: z.array(z.object({ id: z.string().min(1), file: z.string().min(1), rule: RuleFile }).strict()),
        lexicon: z.record(z.string(), z.array(z.string())),
        sources: Sources,
        sections: z.record(z.string(), z.array(z.string())),
        classes: z.record(z.string(), MeaningClass),
      })
      .strict(),
    inflections: z
      .object({
        verbs: z.array(z.tuple([z.string(), z.object({ inf: z.string(), pres3: z.string(), past: z.string(), part: z.string(), ger: z.string() }).strict()])),
        plurals: z.array(z.tuple([z.string(), z.string()])),
      })
      .strict(),
  })
  .strict();
type Saved = z.infer<typeof Saved>;

/** How the rule data was obtained: from a sound cache, or from the rule files (and why not the cache). */
export type CacheUse = { from: 'cache' } | { from: 'files'; why: 'none' | 'changed' | 'folder-tightened' | 'untrusted-folder'; detail?: string };

/** The cached payload if every check passes; otherwise why not. */
function readCache(file: string, key: string, uid: number | undefined): { saved: Saved } | { why: 'none' | 'changed'; detail: string } {
  const got = readTrusted(file, uid);
  if ('reason' in got) return { why: got.reason === 'it does not exist' ? 'none' : 'changed', detail: got.reason };
  try {
    const env = Envelope.safeParse(JSON.parse(got.text));
    if (!env.success || env.data.key !== key) return { why: 'changed', detail: 'not a cache of these rule files' };
    if (sha256(env.data.payload) !== env.data.digest) return { why: 'changed', detail: 'its contents do not match their digest' };
    const saved = Saved.safeParse(JSON.parse(env.data.payload));
    return saved.success ? { saved: saved.data } : { why: 'changed', detail: 'its contents are not rule data' };
  } catch {
    return { why: 'changed', detail: 'it is not JSON' };
  }
}

/** Rule data for these folders, from the cache when it is sound and the files are unchanged. */
export async function loadRuleDataCached(dirs: string[], opts: { uid?: number } = {}): Promise<{ data: RuleData; save: () => void; cache: CacheUse }> {
  const uid = 'uid' in opts ? opts.uid : currentUid();
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
    const got = readCache(file, key, uid);
    if ('saved' in got) {
      seedInflections(got.saved.inflections);
      return { data: got.saved.data as RuleData, save: () => {}, cache: { from: 'cache' } };
    }
    cache = { from: 'files', why: got.why, detail: got.detail };
  }
  const { loadRuleDirs } = await import('./load.js');
  const data = loadRuleDirs(dirs);
  const save = () => {
    if (!folder.ok) return; // never write into a folder that is not the user's own
    try {
      const payload = JSON.stringify({ data, inflections: exportInflections() } satisfies Saved);
      writePrivate(file, JSON.stringify({ format: FORMAT, version: VERSION, key, digest: sha256(payload), payload }));
    } catch {
      // a read-only or full disk only costs speed
    }
  };
  return { data, save, cache };
}
