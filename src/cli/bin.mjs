#!/usr/bin/env node
// nrm-check launcher: runs the TypeScript CLI through tsx, so it works straight after `npm ci`. Whatever
// goes wrong, the user gets one line and exit code 2, never a stack trace.
import { register } from 'tsx/esm/api';

// (main() answers its own errors; this is for the checker failing to start, or an error escaping it)
const oneLine = (e) => `nrm-check: the checker could not run (${e?.name ?? 'Error'}: ${String(e?.message ?? e).split('\n')[0].slice(0, 120)}).\n`;
const die = (e) => {
  process.stderr.write(oneLine(e));
  process.exit(2);
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);

register();
try {
  const { main } = await import('./main.ts');
  const code = await main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    isTty: Boolean(process.stdout.isTTY),
    errIsTty: Boolean(process.stderr.isTTY),
    progress: (line) => process.stderr.isTTY && process.stderr.write(`\r\u001b[2K${line}`),
  });
  process.exitCode = code;
} catch (e) {
  die(e);
}
