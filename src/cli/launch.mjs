/**
 * Which JavaScript a start runs (nrm-check, the browser host): the build in dist/node when it matches its
 * sources, built first when it is missing or any source changed since (a development checkout never runs a
 * stale build), or the TypeScript sources through tsx when it cannot be built (esbuild is not installed, or
 * the folder cannot be written) or NRM_CHECK_FROM_SOURCE=1 asks for it. Checking costs a few milliseconds: the
 * sizes and times of the source files, against the fingerprint the build recorded. NRM_CHECK_DEBUG_START=1
 * says on stderr which it ran (no document text, only file names of the checker's own code).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The build's record of the sources it was made from, in dist/node. */
export const STAMP = 'build.json';
/** What a build is made from: the sources, the shipped rules and the versions of the packages. */
const INPUTS = ['src', 'rules', 'package.json', 'package-lock.json', 'tsconfig.json'];

const debug = (line) => process.env.NRM_CHECK_DEBUG_START === '1' && process.stderr.write(`nrm-check: start: ${line}\n`);

/** A digest of every input's path, size and modification time (hidden files, such as an editor's, left out). */
export function fingerprint(root = ROOT) {
  const h = createHash('sha1');
  const add = (p, rel, isDir) => {
    if (isDir) {
      for (const e of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (!e.name.startsWith('.') && !e.name.endsWith('~')) add(path.join(p, e.name), `${rel}/${e.name}`, e.isDirectory());
      }
      return;
    }
    try {
      const st = fs.statSync(p);
      h.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`);
    } catch {
      h.update(`${rel}\0missing\n`);
    }
  };
  for (const i of INPUTS) {
    const p = path.join(root, i);
    add(p, i, fs.existsSync(p) && fs.statSync(p).isDirectory());
  }
  return h.digest('hex');
}

/** Whether dist/node was built from the sources as they are now (and its entries are all there). */
function isFresh(root) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(root, 'dist/node', STAMP), 'utf8'));
    return stamp.fingerprint === fingerprint(root) && stamp.entries.every((e) => fs.existsSync(path.join(root, 'dist/node', e)));
  } catch {
    return false;
  }
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

/** One build at a time (tests start many checkers at once): a lock file naming its process. */
async function lock(root) {
  const file = path.join(root, 'dist', '.node-build.lock');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const giveUp = Date.now() + 180_000;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    let holder;
    let age;
    try {
      holder = Number(fs.readFileSync(file, 'utf8'));
      age = Date.now() - fs.statSync(file).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    // a holder that died, never wrote its id, or has held it past any build's time: take it over
    if ((Number.isInteger(holder) && holder > 0 ? !alive(holder) : age > 10_000) || Date.now() > giveUp) fs.rmSync(file, { force: true });
    else await sleep(100);
  }
}

/**
 * Makes sure dist/node matches the sources, building it when not (one process at a time). Returns whether the
 * build can be run, and if not why (`failed` when a build was tried); the sources are then run through tsx.
 * `buildNode` is build.mjs's, passed by build.mjs itself (which cannot import itself while it runs).
 */
export async function ensureBuilt(root = ROOT, buildNode = undefined) {
  if (process.env.NRM_CHECK_FROM_SOURCE === '1') return { ok: false, why: 'NRM_CHECK_FROM_SOURCE=1' };
  if (isFresh(root)) return { ok: true, did: 'up to date' };
  try {
    buildNode ??= (await import('./build.mjs')).buildNode;
  } catch (e) {
    if (e?.code === 'ERR_MODULE_NOT_FOUND' && /'esbuild'/.test(String(e.message))) return { ok: false, why: 'esbuild is not installed' };
    throw e;
  }
  let release;
  try {
    release = await lock(root);
    if (isFresh(root)) return { ok: true, did: 'built by another start' };
    const { ms, rules } = await buildNode(root);
    return { ok: true, did: `rebuilt in ${ms} ms (compiled rules ${rules})` };
  } catch (e) {
    // a folder this user cannot write (an installation of someone else's), or a source that does not compile
    const at = e?.errors?.[0]; // esbuild's first error, with where it is
    const why = at ? `${at.location ? `${at.location.file}:${at.location.line}: ` : ''}${at.text}` : `${e?.code ?? e?.name ?? 'Error'}: ${String(e?.message ?? e).split('\n')[0]}`;
    return { ok: false, failed: true, why: why.slice(0, 200) };
  } finally {
    release?.();
  }
}

/** The URL of a built entry (`main`, `start-browser`), after building it if needed; null to run the sources. */
export async function builtEntry(name, root = ROOT) {
  const got = await ensureBuilt(root);
  if (got.failed) process.stderr.write(`nrm-check: the checker could not be built (${got.why}); running its sources instead, which is slower.\n`);
  const file = path.join(root, 'dist/node', `${name}.mjs`);
  debug(got.ok ? `built ${path.relative(root, file)} (${got.did})` : `from source (${got.why})`);
  return got.ok ? pathToFileURL(file) : null;
}
