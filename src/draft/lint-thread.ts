/**
 * The lint worker thread: loads the rules once (as the host loaded them), then lints each document it is
 * sent, keeping the per-block cache warm between edits. Replies carry findings, never log text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TooLarge } from '../document/limits.js';
import { lint } from '../engine/lint.js';
import { loadRulesCached } from '../rules/ruleset.js';
import type { LintJob, LintReply, LintThreadInit } from './off-thread.js';

const port = parentPort!;
const { ruleOptions } = workerData as LintThreadInit;
const rules = await loadRulesCached(ruleOptions);
port.on('message', (job: LintJob) => {
  let reply: LintReply;
  try {
    reply = { id: job.id, result: lint(job.document, rules, job.options) };
  } catch (e) {
    reply = e instanceof TooLarge ? { id: job.id, error: { code: e.code, message: e.message, measure: e.measure, reached: e.reached, limit: e.limit } } : { id: job.id, error: { code: 'internal', message: 'unexpected' } };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
