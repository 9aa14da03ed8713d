// Bundles the Electron main process (ESM) and preload (CommonJS, as a sandboxed preload must be) into
// dist/electron. npm packages stay external (better-sqlite3 is rebuilt for Electron by electron-builder's
// npmRebuild); every parser worker (src/import/*.mjs) and the trainer's examples are copied beside the bundle,
// with the shipped rules compiled at build time (compiled-rules.json, made with the CLI's build in dist/node:
// src/cli/build.mjs), so the app never computes inflections at start. Needs esbuild, never the Electron binary.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { copyParserWorkers, defines } from '../src/cli/build.mjs';
import { ensureBuilt } from '../src/cli/launch.mjs';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/electron');
fs.mkdirSync(out, { recursive: true });
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', external: ['electron'], define: defines(root) };
await build({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(out, 'main.mjs'), format: 'esm', packages: 'external' });
// An audit worker thread: the same relative name as its source-run shim (src/audit/audit-worker.mjs).
await build({ ...common, entryPoints: [path.join(root, 'src/audit/worker.ts')], outfile: path.join(out, 'audit-worker.mjs'), format: 'esm', packages: 'external' });
// The lint worker thread (src/draft/off-thread.ts opens ./lint-worker.mjs beside the bundle).
await build({ ...common, entryPoints: [path.join(root, 'src/draft/lint-thread.ts')], outfile: path.join(out, 'lint-worker.mjs'), format: 'esm', packages: 'external' });
await build({ ...common, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(out, 'preload.cjs'), format: 'cjs' });
copyParserWorkers(root, out);
// The trainer's example drafts are read beside the bundle (src/trainer/trainer.ts: ./examples).
fs.cpSync(path.join(root, 'src/trainer/examples'), path.join(out, 'examples'), { recursive: true });
// The compiled shipped rules, read beside the bundle (src/rules/package.ts); without them the app still
// starts, computing the rules once into the user's cache.
const compiled = path.join(root, 'dist/node/compiled-rules.json');
if ((await ensureBuilt(root)).ok && fs.existsSync(compiled)) fs.copyFileSync(compiled, path.join(out, 'compiled-rules.json'));
else process.stderr.write('electron/build: the compiled rules could not be made; the app will compile them at its first start.\n');
fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify({ type: 'module' }));
process.stdout.write(`built ${path.relative(root, out)}\n`);
