/**
 * `npm run start:browser -- [--port N]`: the app in a browser, for machines without Electron and for tests.
 * Prints its full URL (with the per-run token) as the first line on stdout.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../api/handlers.js';
import { loadAppRules } from '../config/app-config.js';
import { LintThread } from '../draft/off-thread.js';
import { defaultHostsDir, HostRegistry } from '../store/hosts.js';
import { openHistory } from '../store/open.js';
import { appDataDir } from '../store/paths.js';
import { defaultRecoveryDir } from '../store/recovery.js';
import { sweepAtStart } from '../store/sweep.js';
import { startBrowserHost } from './http.js';

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args[portAt + 1]) : 0;
if (portAt >= 0 && (!Number.isInteger(port) || port < 0 || port > 65535)) {
  process.stderr.write('start:browser: --port needs a port number\n');
  process.exit(2);
}
sweepAtStart(); // temporary files an export or a save killed mid-write left behind
// The organisation config kept in the app-data folder, if any, applied to the rules and shown in Settings.
const { rules, ruleOptions, config, accept } = await loadAppRules(appDataDir());
const history = openHistory();
// Other hosts on the same data folder (another browser host, the desktop app) see this one's open windows.
const hosts = HostRegistry.register(defaultHostsDir());
process.on('exit', () => hosts.release());
// Drafts are linted on a worker thread with a time limit, so one long draft never stalls the other windows.
const linter = new LintThread(ruleOptions);
const handlers = createHandlers(rules, { ...history, recoveryDir: defaultRecoveryDir(), hosts, ruleOptions, config, accept, linter });
const host = await startBrowserHost({ handlers, staticDir: fileURLToPath(new URL('../../dist/renderer', import.meta.url)), port }).catch((e: NodeJS.ErrnoException) => {
  const why = e.code === 'EADDRINUSE' ? `port ${port} is already in use; choose another with --port, or leave it out to use a free one` : e.code === 'EACCES' ? `port ${port} needs privileges this user does not have; choose a port above 1024` : `the server could not start (${e.code ?? e.message})`;
  process.stderr.write(`start:browser: ${why}.\n`);
  process.exit(2);
});
process.stdout.write(host.url + '\n');
if (process.stdout.isTTY) {
  // A person at a terminal: open their browser (never when the output goes to a program or a file).
  const opener = process.platform === 'darwin' ? ['open'] : process.platform === 'win32' ? ['cmd', '/c', 'start', '""'] : ['xdg-open'];
  try {
    spawn(opener[0]!, [...opener.slice(1), host.url], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  } catch {
    // no browser opener: the address above is enough
  }
  process.stdout.write('Opening it in your browser; if nothing opens, paste the address above. Press Ctrl+C to stop.\n');
}
const stop = () =>
  void host.close().then(async () => {
    await linter.close();
    history.store?.close();
    process.exit(0);
  });
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
