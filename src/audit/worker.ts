/**
 * An audit worker thread: loads the rules once, then imports and checks each file the pool sends, replying
 * with its row (and, for the history, the result and text; these stay in this process).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRulesCached } from '../rules/ruleset.js';
import { checkOne, type WorkerInit, type WorkerJob, type WorkerReply } from './audit.js';

const port = parentPort!;
const { ruleOptions, importOptions } = workerData as WorkerInit;
const rules = await loadRulesCached(ruleOptions);
port.on('message', async (job: WorkerJob) => {
  const { row, detail } = await checkOne(job.file, rules, importOptions);
  port.postMessage({ type: 'done', index: job.index, row, detail } satisfies WorkerReply);
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);
