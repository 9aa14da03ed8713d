#!/usr/bin/env node
// nrm-check launcher: runs the TypeScript CLI through tsx, so it works straight after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  isTty: Boolean(process.stdout.isTTY),
  errIsTty: Boolean(process.stderr.isTTY),
  progress: (line) => process.stderr.isTTY && process.stderr.write(`\r\u001b[2K${line}`),
});
process.exitCode = code;
