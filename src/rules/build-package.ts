/**
 * Build time only (an entry of the bundle that src/cli/build.mjs runs): compiles the shipped rules with every
 * inflection into the package's compiled-rules.json (see package.ts). Inflections made by the same inflection
 * code are taken over from the previous file, so a changed rule costs only its own new words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exportInflections, seedInflections } from '../engine/inflect.js';
import { compileRules } from './compile.js';
import { loadRuleDirs } from './load.js';
import { packageKey, readPackageFile, readPackageRules, relativeFiles } from './package.js';
import { DEFAULT_RULES_DIR } from './ruleset.js';
import { formatSaved, INFLECT_DIGEST, openSaved, type Saved } from './saved.js';
import { Saved as SavedSchema } from './saved-schema.js';

/** Writes the compiled shipped rules to `file` unless it already holds these rules; says which it did. */
export function writePackageRules(file: string, dir = DEFAULT_RULES_DIR): 'kept' | 'written' {
  if ('saved' in readPackageRules(dir, { file })) return 'kept';
  try {
    // the previous file's inflections, if the same code made them (its rules may differ: its key is not checked)
    const got = readPackageFile(file);
    if (!('text' in got)) throw new Error(got.reason);
    const text = got.text;
    const prev = JSON.parse(text) as { key?: unknown; inflect?: unknown };
    const old = INFLECT_DIGEST && prev.inflect === INFLECT_DIGEST && typeof prev.key === 'string' ? openSaved(text, prev.key) : undefined;
    if (old && 'saved' in old) seedInflections(old.saved.inflections);
  } catch {
    // no previous file: every inflection is computed
  }
  const data = loadRuleDirs([dir]);
  compileRules(data); // computes every inflection the rules need
  // checked by the schemas now, once: a start trusts it by its key, digest and owner (package.ts)
  const saved = SavedSchema.parse({ data: relativeFiles(data, dir), inflections: exportInflections() }) as Saved;
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, formatSaved(packageKey(dir), saved, INFLECT_DIGEST), { mode: 0o644 });
  fs.chmodSync(tmp, 0o644); // whatever the umask: readable by all, writable by its owner only
  fs.renameSync(tmp, file);
  return 'written';
}
