#!/usr/bin/env node
// nrm-check launcher: runs the built JavaScript (dist/node, made by `npm ci` and made again here first whenever
// a source changed; see launch.mjs), or the TypeScript sources through tsx where it cannot be built. Whatever
// goes wrong, the user gets one line and exit code 2, never a stack trace.
import { builtEntry } from './launch.mjs';

// (main() answers its own errors; this is for the checker failing to start, or an error escaping it)
const oneLine = (e) => `nrm-check: the checker could not run (${e?.name ?? 'Error'}: ${String(e?.message ?? e).split('\n')[0].slice(0, 120)}).\n`;
const die = (e) => {
  process.stderr.write(oneLine(e));
  process.exit(2);
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);
// `nrm-check check ... | head`: the reader stopped reading; stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    die(e);
  });
}

try {
  const built = await builtEntry('main');
  let main;
  if (built) ({ main } = await import(built.href));
  else {
    const { register } = await import('tsx/esm/api');
    register();
    ({ main } = await import('./main.ts'));
  }
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
