// Bundles the Electron main process (ESM) and preload (CommonJS, as a sandboxed preload must be) into
// dist/electron. npm packages stay external (better-sqlite3 is rebuilt for Electron by electron-builder's
// npmRebuild); the parser workers and the trainer's examples are copied beside the bundle.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/electron');
fs.mkdirSync(out, { recursive: true });
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', external: ['electron'] };
await build({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(out, 'main.mjs'), format: 'esm', packages: 'external' });
// An audit worker thread: the same relative name as its source-run shim (src/audit/audit-worker.mjs).
await build({ ...common, entryPoints: [path.join(root, 'src/audit/worker.ts')], outfile: path.join(out, 'audit-worker.mjs'), format: 'esm', packages: 'external' });
// The lint worker thread (src/draft/off-thread.ts opens ./lint-worker.mjs beside the bundle).
await build({ ...common, entryPoints: [path.join(root, 'src/draft/lint-thread.ts')], outfile: path.join(out, 'lint-worker.mjs'), format: 'esm', packages: 'external' });
await build({ ...common, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(out, 'preload.cjs'), format: 'cjs' });
for (const worker of ['pdf-worker.mjs', 'docx-worker.mjs']) fs.copyFileSync(path.join(root, 'src/import', worker), path.join(out, worker));
// The trainer's example drafts are read beside the bundle (src/trainer/trainer.ts: ./examples).
fs.cpSync(path.join(root, 'src/trainer/examples'), path.join(out, 'examples'), { recursive: true });
fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify({ type: 'module' }));
process.stdout.write(`built ${path.relative(root, out)}\n`);
