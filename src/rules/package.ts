/**
 * The shipped rule set, compiled at build time (src/cli/build.mjs) with every inflection, into
 * compiled-rules.json beside the bundle (dist/node, dist/electron). A start with the shipped rules reads it
 * instead of the YAML and the NLP library, so no user pays for inflections at start, even with a cleared
 * cache. Its key is the rule files' contents (by their paths inside the rules folder) and the compiler, so it
 * is used only when the rule files beside it are the ones it was built from.
 *
 * It is trusted no further than the user's own cache: the file and its folder must belong to the user or to
 * whoever owns the checker's own code (an installation by an administrator), must not be links and must not be
 * writable by others; the payload must match its digest, and passed the rule schemas when it was built.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentUid, distrust } from '../config/trust.js';
import { yamlFiles } from './files.js';
import type { RuleData } from './load.js';
import { hashCompiler, openSaved, VERSION, type Saved } from './saved.js';

/** Where the build puts the compiled shipped rules: beside the code; NRM_CHECK_PACKAGE_RULES overrides it (tests). */
export function packageRulesFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.NRM_CHECK_PACKAGE_RULES ? path.resolve(env.NRM_CHECK_PACKAGE_RULES) : fileURLToPath(new URL('./compiled-rules.json', import.meta.url));
}

/** The key of the shipped rules as they are on disk now: each file's path inside the folder and its contents. */
export function packageKey(dir: string): string {
  const h = hashCompiler(createHash('sha256').update(`package v${VERSION}\0`));
  for (const f of yamlFiles(dir)) h.update(`${path.relative(dir, f).split(path.sep).join('/')}\0`).update(fs.readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 32);
}

/** Who may own the package's files: the user, and the owner of the checker's own code. */
function owners(uid: number | undefined): Set<number> | undefined {
  if (uid === undefined) return undefined;
  const set = new Set([uid]);
  try {
    set.add(fs.statSync(fileURLToPath(import.meta.url)).uid);
  } catch {
    // no file behind this module (an archive): the user alone
  }
  return set;
}

/** The file's text if it and its folder may be trusted, else why not (opened without following a link). */
export function readPackageFile(file: string, uid = currentUid()): { text: string } | { reason: string } {
  const allowed = owners(uid);
  const check = (st: fs.Stats, want: 'file' | 'dir') => distrust(st, allowed?.has(st.uid) ? st.uid : uid, want);
  let fd: number;
  try {
    const why = check(fs.lstatSync(path.dirname(file)), 'dir');
    if (why) return { reason: `its folder cannot be trusted (${why})` };
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { reason: code === 'ELOOP' ? 'it is a symbolic link' : code === 'ENOENT' ? 'it does not exist' : `it cannot be read (${code ?? 'error'})` };
  }
  try {
    const why = check(fs.fstatSync(fd), 'file');
    return why ? { reason: why } : { text: fs.readFileSync(fd, 'utf8') };
  } finally {
    fs.closeSync(fd);
  }
}

/** Package files name rule files inside the rules folder; the loader's data names them in full. */
export function relativeFiles(data: RuleData, dir: string): RuleData {
  return { ...data, rules: data.rules.map((r) => ({ ...r, file: path.relative(dir, r.file).split(path.sep).join('/') })) };
}

/**
 * The compiled shipped rules when the package file is sound and built from the rule files in `dir` as they
 * are now (its rule data naming files in full again); otherwise why not.
 */
export function readPackageRules(dir: string, opts: { uid?: number; file?: string } = {}): { saved: Saved; inflect?: string } | { detail: string } {
  const got = readPackageFile(opts.file ?? packageRulesFile(), 'uid' in opts ? opts.uid : currentUid());
  if ('reason' in got) return { detail: got.reason };
  const parsed = openSaved(got.text, packageKey(dir));
  if (!('saved' in parsed)) return parsed;
  const { data, inflections } = parsed.saved;
  return { saved: { data: { ...data, rules: data.rules.map((r) => ({ ...r, file: path.join(dir, r.file) })) }, inflections }, inflect: parsed.inflect };
}
