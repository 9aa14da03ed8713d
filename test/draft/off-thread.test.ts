/**
 * The hosts lint off their main thread, with a time limit (issue 15): the other windows are answered while a
 * long draft is checked, a draft that runs too long is stopped with a typed `timeout` (and the next draft is
 * checked as usual), and one with too many findings is answered `too-large`, through the API as well.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/api/handlers.js';
import { SIZE_LIMITS, TooLarge } from '../../src/document/limits.js';
import { fromPlainText } from '../../src/document/plain.js';
import { LINT_THREAD_LIMITS, LintStopped, LintThread } from '../../src/draft/off-thread.js';
import { lint, loadRules } from '../../src/index.js';
import { ADVERSARIAL } from '../fixtures/adversarial.js';

const DEV = path.resolve(import.meta.dirname, '../../../shared/corpus/dev');
const rules = loadRules();
const threads: LintThread[] = [];
const thread = (limits = LINT_THREAD_LIMITS) => {
  const t = new LintThread({}, limits);
  threads.push(t);
  return t;
};
afterAll(async () => {
  for (const t of threads) await t.close();
});

const long = () => fromPlainText('He was moved between three addresses in Leeds and told he owed money for the journey. '.repeat(20_000));

describe('linting off the main thread', () => {
  it('gives the same findings as linting in place', async () => {
    const doc = fromPlainText(fs.readFileSync(path.join(DEV, 'd03.txt'), 'utf8'));
    const r = await thread().lint(doc);
    const here = lint(doc, rules, { cache: false });
    expect(r.findings).toEqual(here.findings);
    expect(r.missing).toEqual(here.missing);
  }, 60_000);

  it('leaves the main thread free while a long draft is checked', async () => {
    const t = thread();
    await t.lint(fromPlainText('Warm up.')); // the rules are loaded
    const order: string[] = [];
    const done = t.lint(long()).then(() => order.push('lint'));
    await new Promise((r) => setTimeout(r, 0));
    order.push('other window');
    await done;
    expect(order).toEqual(['other window', 'lint']);
  }, 120_000);

  it('stops a lint over its time limit with a typed timeout, and checks the next draft as usual', async () => {
    const limits = { ...LINT_THREAD_LIMITS, timeoutMs: 1 };
    const t = thread(limits);
    const e = await t.lint(long()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LintStopped);
    expect(e).toMatchObject({ code: 'timeout' });
    expect((e as Error).message).toMatch(/took longer than/);
    limits.timeoutMs = 60_000; // the same checker, on a new worker
    expect((await t.lint(fromPlainText('The child claims he is 15.'))).findings.length).toBeGreaterThan(0);
  }, 120_000);

  it('answers a draft with too many findings too-large, in the thread and through the API', async () => {
    const doc = fromPlainText(ADVERSARIAL.paragraph_conditions!(1024 * 1024));
    const e = await thread().lint(doc).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TooLarge);
    expect(e).toMatchObject({ code: 'too-large', measure: 'findings', limit: SIZE_LIMITS.maxFindings });
    const api = createHandlers(rules, { linter: thread() });
    const r = await api.lint({ draft: { name: 'big.txt', original: null, text: doc.text, accepted: [], dismissed: [] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const fine = await api.lint({ draft: { name: 'small.txt', original: null, text: 'The child claims he is 15.', accepted: [], dismissed: [] } });
    expect(fine.ok && fine.value.findings.length).toBeGreaterThan(0);
  }, 120_000);
});
