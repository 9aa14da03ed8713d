/**
 * `npm run start:browser -- [--port N]`: the app in a browser, for machines without Electron and for tests.
 * Prints its full URL (with the per-run token) as the first line on stdout.
 */
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../api/handlers.js';
import { loadRulesCached } from '../rules/ruleset.js';
import { startBrowserHost } from './http.js';

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args[portAt + 1]) : 0;
if (portAt >= 0 && (!Number.isInteger(port) || port < 0 || port > 65535)) {
  process.stderr.write('start:browser: --port needs a port number\n');
  process.exit(2);
}
const rules = await loadRulesCached();
const host = await startBrowserHost({ handlers: createHandlers(rules), staticDir: fileURLToPath(new URL('../../dist/renderer', import.meta.url)), port });
process.stdout.write(host.url + '\n');
if (process.stdout.isTTY) process.stdout.write('Open that address in your browser. Press Ctrl+C to stop.\n');
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
