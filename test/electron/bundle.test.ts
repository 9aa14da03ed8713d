import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkerReply } from '../../src/audit/audit.js';
import { fromPlainText } from '../../src/document/plain.js';
import { LINT_THREAD_LIMITS, LintThread } from '../../src/draft/off-thread.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'dist/electron');
const DRAFT = path.resolve(ROOT, '../shared/corpus/dev/d05.pdf');

// The desktop build bundles the core; what it reads at run time (workers, examples) must sit beside it.
describe('the desktop bundle', () => {
  beforeAll(() => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'electron/build.mjs')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }, 60_000);

  it('ships the parser workers, the audit worker and the trainer examples beside main.mjs', () => {
    for (const f of ['main.mjs', 'preload.cjs', 'pdf-worker.mjs', 'docx-worker.mjs', 'audit-worker.mjs', 'lint-worker.mjs']) expect(fs.existsSync(path.join(OUT, f)), f).toBe(true);
    const examples = fs.readdirSync(path.join(OUT, 'examples')).filter((f) => f.endsWith('.yml'));
    expect(examples.sort()).toEqual(fs.readdirSync(path.join(ROOT, 'src/trainer/examples')).filter((f) => f.endsWith('.yml')).sort());
  });

  it.skipIf(!fs.existsSync(DRAFT))('runs an audit worker from the bundle on a PDF', async () => {
    const worker = new Worker(path.join(OUT, 'audit-worker.mjs'), { workerData: { ruleOptions: {} } });
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      worker.on('message', (m: WorkerReply) => (m.type === 'ready' ? worker.postMessage({ index: 0, file: DRAFT }) : resolve(m)));
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(reply).toMatchObject({ type: 'done', index: 0, row: { status: 'checked', score: 65, victimBlaming: 4, jargon: 2, missing: ['where'], isChild: true } });
  }, 60_000);

  it('lints a draft on the bundled lint worker, as the desktop main process does', async () => {
    const thread = new LintThread({}, LINT_THREAD_LIMITS, pathToFileURL(path.join(OUT, 'lint-worker.mjs')));
    try {
      const r = await thread.lint(fromPlainText('The child claims he was forced to sell drugs.'));
      expect(r.findings.map((f) => f.excerpt)).toContain('claims');
    } finally {
      await thread.close();
    }
  }, 60_000);
});
