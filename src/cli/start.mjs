#!/usr/bin/env node
// `npm start`: builds the app and opens it in Electron. Where Electron cannot start (its binary cannot be
// fetched, or there is no display) it says why in one line and serves the same app in the browser instead.
// `npm run start:browser` (`--browser`) always does the latter. The browser host runs the built JavaScript
// (dist/node, brought up to date first; see launch.mjs), or its sources through tsx where that cannot be built.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtEntry } from './launch.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
const browserOnly = process.argv[2] === '--browser';
const args = process.argv.slice(browserOnly ? 3 : 2);

// The renderer always; the Electron bundles only for the desktop window (they need esbuild, never Electron).
if (!run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']) || (!browserOnly && !run(process.execPath, [path.join(root, 'electron/build.mjs')]))) {
  process.stderr.write(`npm ${browserOnly ? 'run start:browser' : 'start'}: the app could not be built; see the messages above.\n`);
  process.exit(1);
}

function electronBinary() {
  const dir = path.join(root, 'node_modules/electron');
  const read = () => {
    const p = path.join(dir, 'path.txt');
    return fs.existsSync(p) ? path.join(dir, 'dist', fs.readFileSync(p, 'utf8')) : null;
  };
  let bin = read();
  if (bin && fs.existsSync(bin)) return { bin };
  if (!fs.existsSync(dir)) return { reason: 'Electron is not installed' };
  // Electron 45 downloads its runtime on first use; try once, briefly.
  const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, stdio: 'ignore', timeout: 180_000 });
  bin = read();
  if (r.status === 0 && bin && fs.existsSync(bin)) return { bin };
  return { reason: 'the Electron runtime could not be downloaded' };
}

/** The browser host, as a child with this terminal: its first line on stdout is its address. */
async function browserHost() {
  const built = await builtEntry('start-browser');
  const entry = built ? [fileURLToPath(built)] : ['--import', 'tsx', path.join(root, 'src/host/start-browser.ts')];
  const child = spawn(process.execPath, [...entry, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const electron = browserOnly ? {} : noDisplay ? { reason: 'there is no display' } : electronBinary();
if (electron.bin) {
  const child = spawn(electron.bin, [path.join(root, 'dist/electron/main.mjs')], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!browserOnly) process.stderr.write(`The desktop window cannot start here (${electron.reason}); serving the same app in your browser instead.\n`);
  await browserHost();
}
