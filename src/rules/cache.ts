/**
 * Loads rule data through a cache of the validated files plus every inflection compiled from them, keyed by
 * the files' paths and contents. A warm start skips YAML parsing, schema validation and the NLP library
 * (about 0.6 s of a cold CLI run). The cache holds rules only, never document text.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportInflections, seedInflections } from '../engine/inflect.js';
import { yamlFiles } from './files.js';
import type { RuleData } from './load.js';

const VERSION = 1;

function cacheDir(): string {
  return process.env.NRM_CHECK_CACHE_DIR ?? path.join(os.tmpdir(), `nrm-check-cache-${os.userInfo().uid}`);
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

interface Saved {
  data: RuleData;
  inflections: ReturnType<typeof exportInflections>;
}

/** Rule data for these folders, from the cache when the files are unchanged. */
export async function loadRuleDataCached(dirs: string[]): Promise<{ data: RuleData; save: () => void }> {
  const file = path.join(cacheDir(), `rules-${keyOf(dirs)}.json`);
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Saved;
    seedInflections(saved.inflections);
    return { data: saved.data, save: () => {} };
  } catch {
    // no cache yet, or unreadable: load from the files
  }
  const { loadRuleDirs } = await import('./load.js');
  const data = loadRuleDirs(dirs);
  const save = () => {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ data, inflections: exportInflections() } satisfies Saved));
      fs.renameSync(tmp, file);
    } catch {
      // a read-only or full disk only costs speed
    }
  };
  return { data, save };
}
