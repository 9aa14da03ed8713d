import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/api/contract.js';
import { createHandlers } from '../../src/api/handlers.js';
import { Store } from '../../src/store/store.js';
import { builtInRules, typedDraft } from '../helpers.js';

const DEV = path.resolve(import.meta.dirname, '../../../shared/corpus/dev');

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-api-'));
  const store = Store.open(path.join(dir, 'h.sqlite'));
  return { store, h: createHandlers(builtInRules(), { store }) };
}

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function untilDone(h: ReturnType<typeof createHandlers>, jobId: string) {
  for (;;) {
    const s = await value(h.auditStatus({ jobId }));
    if (s.finished) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!fs.existsSync(DEV))('batch audit through the API', () => {
  it('checks every draft of a folder, records each in the history and exports the CSV and HTML report', async () => {
    const { h, store } = setup();
    const started = await value(h.auditStart({ folder: DEV }));
    expect(started.total).toBe(36);
    expect((await h.auditStart({ folder: DEV })).ok).toBe(false); // one at a time
    const done = await untilDone(h, started.jobId);
    expect(done.done).toBe(36);
    expect(done.rows.map((r) => r.file)).toEqual([...done.rows.map((r) => r.file)].sort());
    expect(done.rows.find((r) => r.file === 'd05.txt')).toMatchObject({ status: 'checked', score: 65, victimBlaming: 4, jargon: 2, missing: ['where'], isChild: true });
    expect(done.summary.checked).toBe(36);
    expect(store.listChecks({ source: 'audit' })).toHaveLength(36);
    const csv = Buffer.from((await value(h.auditExport({ jobId: started.jobId, format: 'csv' }))).data, 'base64').toString('utf8');
    expect(csv.trim().split('\n')).toHaveLength(37);
    expect(csv).toContain('d05.txt,checked,65,0,4,2,where,true');
    const html = Buffer.from((await value(h.auditExport({ jobId: started.jobId, format: 'html' }))).data, 'base64').toString('utf8');
    expect(html).toContain('<b>36</b>checked');
  }, 60_000);

  it('stops when cancelled, keeping what finished', async () => {
    const { h, store } = setup();
    const started = await value(h.auditStart({ folder: DEV }));
    await new Promise((r) => setTimeout(r, 300));
    await value(h.auditCancel({ jobId: started.jobId }));
    const s = await untilDone(h, started.jobId);
    expect(s.cancelled).toBe(true);
    expect(s.done).toBeLessThan(36);
    expect(store.listChecks({ source: 'audit' })).toHaveLength(s.done);
    expect(store.audits()[0]).toMatchObject({ cancelled: true });
  }, 60_000);

  it('says clearly when the folder does not exist', async () => {
    const { h } = setup();
    const r = await h.auditStart({ folder: path.join(os.tmpdir(), 'no-such-folder-xyz') });
    expect(r).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });
});

describe('history through the API', () => {
  it('records the open draft with its decisions and status, then lists, filters and reports it', async () => {
    const { h } = setup();
    const text = 'Ana claims she was recruited in Iasi in May 2024 and forced to work in a car wash in Leeds. She alleges her passport was taken.';
    const linted = await value(h.lint({ draft: typedDraft(text) }));
    const claims = linted.findings.find((f) => f.excerpt === 'claims')!;
    const alleges = linted.findings.find((f) => f.excerpt === 'alleges')!;
    const after = text.replace('claims', 'states');
    const input = parseInput('historySave', { contentHash: 'a'.repeat(64), draft: typedDraft(after, { name: 'ana.docx', accepted: [{ finding: claims, suggestion: 'states' }], dismissed: [{ finding: alleges, reason: 'her own word in the interview' }] }) });
    expect(input.ok).toBe(true);
    const { id } = await value(h.historySave(input.ok ? input.value : ({} as never)));
    const got = await value(h.historyGet({ id }));
    expect(got.findings.map((f) => [f.rule, f.decision, f.reason])).toEqual(
      expect.arrayContaining([
        ['disbelief/claims', 'accepted', null],
        ['disbelief/alleges', 'dismissed', 'her own word in the interview'],
      ]),
    );
    expect(got.disbelief).toBe(0);
    expect(got.text).toBeNull();
    await value(h.historySetStatus({ id, status: 'reviewed' }));
    const list = await value(h.historyList({ filter: { status: 'reviewed' } }));
    expect(list.checks.map((c) => c.fileName)).toEqual(['ana.docx']);
    expect(list.stats!.rules.find((r) => r.rule === 'disbelief/alleges')!.dismissalRate).toBe(1);
    expect((await value(h.historyList({ filter: { status: 'ready' } }))).checks).toEqual([]);
  });

  it('moves checks to another machine through a team file', async () => {
    const a = setup();
    await value(a.h.settingsSet({ team: 'North', author: 'Sam' }));
    await value(a.h.historySave({ contentHash: 'b'.repeat(64), draft: typedDraft('He claims it happened.', { name: 'x.txt' }) }));
    const file = await value(a.h.teamExport({}));
    expect(file.filename).toMatch(/^nrm-checks-north-\d{4}-\d{2}-\d{2}\.json$/);
    const b = setup();
    expect(await value(b.h.teamImport({ name: file.filename, data: file.data }))).toEqual({ added: 1, skipped: 0 });
    expect((await value(b.h.historyList({ filter: { team: 'North' } }))).checks[0]).toMatchObject({ fileName: 'x.txt', author: 'Sam', source: 'team' });
    expect(await b.h.teamImport({ name: 'y.json', data: Buffer.from('not json').toString('base64') })).toMatchObject({ ok: false, error: { code: 'BadInput' } });
  });

  it('says the history is unavailable when the host has none, and checking still works', async () => {
    const h = createHandlers(builtInRules(), { storeProblem: 'The history could not be opened (disk full).' });
    expect(await h.historyList({})).toMatchObject({ ok: false, error: { code: 'Unavailable', message: expect.stringContaining('disk full') } });
    expect((await h.lint({ draft: typedDraft('She claims it.') })).ok).toBe(true);
  });
});

describe('trainer through the API', () => {
  it('lists the examples and gives each one’s steps', async () => {
    const { h } = setup();
    const list = await value(h.trainerList({}));
    expect(list.length).toBeGreaterThanOrEqual(10);
    const one = await value(h.trainerGet({ id: list[0]!.id }));
    expect(one.steps).toHaveLength(list[0]!.steps);
    expect(one.steps.at(-1)!.text).toBe(one.cleaned);
    expect(await h.trainerGet({ id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });
});
