#!/usr/bin/env node
/**
 * Builds the JavaScript that nrm-check and the browser host run (dist/node), so no start pays for TypeScript
 * transforms or for the NLP library's inflections: src/ bundled by esbuild (shared code split into chunks, so a
 * check loads only what it needs), every worker beside the bundles (each is opened as
 * `new URL('./x-worker.mjs', import.meta.url)`), the trainer's examples, and the shipped rules compiled with
 * every inflection (compiled-rules.json). Run by `npm ci` (the prepare script) and by the launcher (launch.mjs)
 * whenever a source is newer than the build. Files are replaced whole (written, then renamed), so a checker
 * already running from this folder never reads half a file; files a build no longer makes go after an hour.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, fingerprint, ROOT, STAMP } from './launch.mjs';

/** The bundles and the sources they are built from; each worker keeps the name its host opens it by. */
const ENTRIES = {
  main: 'src/cli/main.ts',
  'start-browser': 'src/host/start-browser.ts',
  'audit-worker': 'src/audit/worker.ts', // src/audit/audit.ts opens ./audit-worker.mjs
  'lint-worker': 'src/draft/lint-thread.ts', // src/draft/off-thread.ts opens ./lint-worker.mjs
  'build-rules': 'src/rules/build-package.ts', // run below, at build time only
};

/** Pure-JavaScript packages bundled in (their many small modules cost a start more than one chunk does). */
const BUNDLED = new Set(['zod']);

/** How long a file an earlier build made is kept for checkers still running from it. */
const KEEP_MS = 60 * 60 * 1000;

/** sha256 over every file under the given folders of `root` whose name matches `re`, by path and contents. */
function digestOf(root, dirs, re = /\.(ts|mjs)$/) {
  const h = createHash('sha256');
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (re.test(e.name)) h.update(`${path.relative(root, p)}\0`).update(fs.readFileSync(p)).update('\0');
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return h.digest('hex').slice(0, 32);
}

/**
 * What every bundle is built with (electron/build.mjs too): digests of the code that compiles rules and of the
 * code that inflects words, which a bundle cannot read from its sources (src/rules/saved.ts). The compromise
 * version is part of the latter.
 */
export function defines(root = ROOT) {
  const nlp = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/compromise/package.json'), 'utf8')).version;
  const inflect = createHash('sha256').update(fs.readFileSync(path.join(root, 'src/engine/inflect.ts'))).update(fs.readFileSync(path.join(root, 'src/engine/nlp.ts'))).update(`compromise ${nlp}`).digest('hex').slice(0, 32);
  return { __NRM_BUILD_DIGESTS__: JSON.stringify({ compiler: digestOf(root, ['src/engine', 'src/rules']), inflect }) };
}

/** Writes a file whole: to a temporary name, then renamed over the old one. */
function writeWhole(file, data) {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/** Copies every parser worker (src/import/*.mjs, plain JavaScript opened beside the bundle) into `out`; their names. */
export function copyParserWorkers(root, out) {
  const dir = path.join(root, 'src/import');
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.mjs'));
  for (const f of names) writeWhole(path.join(out, f), fs.readFileSync(path.join(dir, f)));
  return names;
}

/** Removes what earlier builds made and this one did not, once it is older than KEEP_MS. */
function sweep(out, made) {
  const now = Date.now();
  for (const e of fs.readdirSync(out, { withFileTypes: true })) {
    if (made.has(e.name) || e.name === STAMP) continue;
    const p = path.join(out, e.name);
    const st = fs.statSync(p);
    if (now - st.mtimeMs > KEEP_MS || (e.name.endsWith('.tmp') && now - st.mtimeMs > 60_000)) fs.rmSync(p, { recursive: true, force: true });
  }
}

/**
 * Builds dist/node from the sources under `root`. The stamp (build.json) records the fingerprint of the
 * sources taken before reading them, so a file changed during the build makes the next start build again.
 * Returns what it did, for the launcher's debug line.
 */
export async function buildNode(root = ROOT) {
  const out = path.join(root, 'dist/node');
  const started = Date.now();
  const print = fingerprint(root);
  fs.mkdirSync(out, { recursive: true });
  const deps = Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies ?? {});
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, src]) => [name, path.join(root, src)])),
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]', // beside the entries: code resolves files relative to its own module
    external: ['electron', ...deps.filter((d) => !BUNDLED.has(d))],
    define: defines(root),
    write: false,
    logLevel: 'warning',
  });
  const made = new Set();
  // chunks first, entries after: an entry is only ever seen with every chunk it imports in place
  const isChunk = (f) => path.basename(f.path).startsWith('chunk-');
  for (const f of [...result.outputFiles.filter(isChunk), ...result.outputFiles.filter((f) => !isChunk(f))]) {
    writeWhole(f.path, f.contents);
    made.add(path.basename(f.path));
  }
  for (const f of copyParserWorkers(root, out)) made.add(f);
  // the trainer's example drafts are read beside the bundle (src/trainer/trainer.ts: ./examples)
  fs.cpSync(path.join(root, 'src/trainer/examples'), path.join(out, 'examples'), { recursive: true, force: true });
  made.add('examples');
  const { writePackageRules } = await import(`${pathToFileURL(path.join(out, 'build-rules.mjs')).href}?${started}`);
  let rules;
  try {
    rules = writePackageRules(path.join(out, 'compiled-rules.json'));
  } catch (e) {
    // rules that do not load (a typo being fixed): each start reads the files and says what is wrong
    rules = `not compiled: ${String(e?.message ?? e).split('\n')[0]}`;
  }
  made.add('compiled-rules.json');
  const entries = Object.keys(ENTRIES).map((e) => `${e}.mjs`);
  writeWhole(path.join(out, STAMP), JSON.stringify({ fingerprint: print, built: new Date(started).toISOString(), entries }) + '\n');
  sweep(out, made);
  return { ms: Date.now() - started, rules };
}

// `node src/cli/build.mjs` (npm's prepare): build unless up to date (waiting for a start that is building), or
// say why not without failing the install; the first start builds instead.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const got = await ensureBuilt(ROOT, buildNode).catch((e) => ({ ok: false, why: String(e?.message ?? e).split('\n')[0] }));
  if (got.ok) process.stdout.write(`dist/node: ${got.did}\n`);
  else process.stderr.write(`nrm-check: the checker could not be built now (${got.why}); it will be built when it first runs.\n`);
}
