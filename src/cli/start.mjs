#!/usr/bin/env node
// `npm start`: builds the app and opens it in Electron. Where Electron cannot start (its binary cannot be
// fetched, or there is no display) it says why in one line and serves the same app in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;

if (!run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']) || !run(process.execPath, [path.join(root, 'electron/build.mjs')])) {
  process.stderr.write('npm start: the app could not be built; see the messages above.\n');
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

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const electron = noDisplay ? { reason: 'there is no display' } : electronBinary();
if (electron.bin) {
  const child = spawn(electron.bin, [path.join(root, 'dist/electron/main.mjs')], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stderr.write(`The desktop window cannot start here (${electron.reason}); serving the same app in your browser instead.\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/host/start-browser.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
