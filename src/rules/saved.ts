/**
 * The file format of compiled rules, shared by the user's rule cache (cache.ts) and the rule set compiled at
 * build time into the package (package.ts): an envelope naming what it is, for which rule files (its key), and
 * the digest of its payload; the payload is the loader's rule data plus every inflection computed from it
 * (its schemas are in saved-schema.ts). Nothing here loads the schema library, so a start with the package's
 * rules does without it.
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import type { RuleData } from './load.js';
import type { VerbForms } from '../engine/inflect.js';

export const FORMAT = 'nrm-referral-checker/rule-cache';
export const VERSION = 2;

/**
 * Set by the build (src/cli/build.mjs): digests of the sources that turn rule files into compiled data
 * (`compiler`) and of those that inflect words (`inflect`). A bundle has no sources beside it to read.
 */
declare const __NRM_BUILD_DIGESTS__: { compiler: string; inflect: string } | undefined;
const BUILT = typeof __NRM_BUILD_DIGESTS__ === 'object' ? __NRM_BUILD_DIGESTS__ : undefined;

/** The code that turns rule files into compiled data when running from source: a change to it must miss too. */
const COMPILER_SOURCES = ['../engine/inflect.ts', '../engine/pattern.ts', './compile.ts', './schema.ts', './load.ts'].map((f) => new URL(f, import.meta.url));

/** Adds what the compiled data depends on besides the rule files: the compiler's own code. */
export function hashCompiler(h: Hash): Hash {
  if (BUILT) return h.update(`built\0${BUILT.compiler}\0`);
  for (const src of COMPILER_SOURCES) {
    try {
      h.update(fs.readFileSync(src));
    } catch {
      h.update(src.pathname);
    }
  }
  return h;
}

/** A digest of the inflection code in this build (undefined from source): inflections made by the same code may be reused. */
export const INFLECT_DIGEST = BUILT?.inflect;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The payload of a compiled-rules file. */
export interface Saved {
  data: RuleData;
  inflections: { verbs: [string, VerbForms][]; plurals: [string, string][] };
}

/** The envelope of a compiled-rules file; `inflect` (package files only) names the code that made its inflections. */
export interface Envelope {
  format: typeof FORMAT;
  version: typeof VERSION;
  key: string;
  digest: string;
  payload: string;
  inflect?: string;
}

/** The text of a compiled-rules file for this payload. */
export function formatSaved(key: string, saved: Saved, inflect?: string): string {
  const payload = JSON.stringify(saved);
  return JSON.stringify({ format: FORMAT, version: VERSION, key, digest: sha256(payload), payload, ...(inflect ? { inflect } : {}) });
}

/**
 * The payload of a package file's text if its envelope names these rule files (`key`) and its payload matches
 * its digest; otherwise why not. The payload passed the schemas (saved-schema.ts) when the build wrote it; the key
 * covers the schemas' code and the digest every byte since, so they are not run again at each start (loading
 * the schema library and running it would be a third of a check's start).
 */
export function openSaved(text: string, key: string): { saved: Saved; inflect?: string } | { detail: string } {
  try {
    const env = JSON.parse(text) as Partial<Envelope>;
    if (env.format !== FORMAT || env.version !== VERSION || env.key !== key || typeof env.payload !== 'string') return { detail: 'not a cache of these rule files' };
    if (typeof env.digest !== 'string' || sha256(env.payload) !== env.digest) return { detail: 'its contents do not match their digest' };
    const saved = JSON.parse(env.payload) as Saved;
    if (!Array.isArray(saved?.data?.rules) || !Array.isArray(saved.inflections?.verbs) || !Array.isArray(saved.inflections.plurals)) return { detail: 'its contents are not rule data' };
    return { saved, inflect: typeof env.inflect === 'string' ? env.inflect : undefined };
  } catch {
    return { detail: 'it is not JSON' };
  }
}
