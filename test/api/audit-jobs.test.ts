/**
 * The auditor's journey through the API: a running audit is not saved as if whole, a stopped one is marked
 * partial in every output, a reloaded window finds the running audit again, a folder chosen in the browser
 * arrives file by file, and a row's file can be opened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/api/handlers.js';
import { builtInRules } from '../helpers.js';

const DEV = path.resolve(import.meta.dirname, '../../../shared/corpus/dev');

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function until(h: ReturnType<typeof createHandlers>, jobId: string, done: (s: { finished: boolean; done: number }) => boolean) {
  for (;;) {
    const s = await value(h.auditStatus({ jobId }));
    if (done(s)) return s;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const text = (data: string) => Buffer.from(data, 'base64').toString('utf8');

describe.skipIf(!fs.existsSync(DEV))('an audit from the app', () => {
  it('is not saved while it runs, is found again by a reloaded window, and once cancelled says "partial" in the CSV, the report and their names', async () => {
    // a folder big enough to cancel: the dev corpus's text drafts three times over
    const big = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-audit-big-'));
    for (const copy of ['a', 'b', 'c']) {
      fs.mkdirSync(path.join(big, copy));
      for (const f of fs.readdirSync(DEV).filter((f) => f.endsWith('.txt'))) fs.copyFileSync(path.join(DEV, f), path.join(big, copy, f));
    }
    const h = createHandlers(builtInRules(), {});
    const started = await value(h.auditStart({ folder: big }));
    expect(started.total).toBe(36);
    // a window that reloads takes up the running audit
    expect((await value(h.auditCurrent({}))).job?.jobId).toBe(started.jobId);
    expect(await h.auditExport({ jobId: started.jobId, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'Busy' } });
    await until(h, started.jobId, (s) => s.done >= 1);
    await value(h.auditCancel({ jobId: started.jobId }));
    const s = await until(h, started.jobId, (x) => x.finished);
    expect(s.done).toBeLessThan(36);
    expect((await value(h.auditStatus({ jobId: started.jobId }))).partial).toEqual({ done: s.done, total: 36 });
    expect((await value(h.auditCurrent({}))).job).toBeNull();

    const csv = await value(h.auditExport({ jobId: started.jobId, format: 'csv' }));
    expect(csv.filename).toBe(`audit-${path.basename(big)}-partial-${s.done}-of-36.csv`);
    const lines = text(csv.data).trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^partial: ${s.done} of 36 files: the audit was stopped`));
    expect(lines[1]).toBe('file,status,score,disbelief,victim_blaming,jargon,missing,is_child');
    expect(lines).toHaveLength(2 + s.done);
    const html = await value(h.auditExport({ jobId: started.jobId, format: 'html' }));
    expect(html.filename).toMatch(/-partial-\d+-of-36\.html$/);
    expect(text(html.data)).toContain(`<title>Audit of ${path.basename(big)} (partial: ${s.done} of 36 files)</title>`);
    expect(text(html.data)).toContain(`Partial audit: ${s.done} of 36 files.`);
  }, 60_000);

  it('audits a folder chosen in the browser, sent file by file, under the name it was chosen by; its rows open their files; nothing is left on disk', async () => {
    const h = createHandlers(builtInRules(), {});
    const d05 = fs.readFileSync(path.join(DEV, 'd05.txt'));
    const first = await value(h.auditStage({ path: 'team/d05.txt', data: d05.toString('base64') }));
    await value(h.auditStage({ stageId: first.stageId, path: 'team/2024/d01.docx', data: fs.readFileSync(path.join(DEV, 'd01.docx')).toString('base64') }));
    // a path that climbs out of the folder, or a file that is not a draft, is refused
    expect(await h.auditStage({ stageId: first.stageId, path: 'team/../../x.txt', data: d05.toString('base64') })).toMatchObject({ ok: false, error: { code: 'BadInput' } });
    expect(await h.auditStage({ stageId: first.stageId, path: 'team/run.sh', data: d05.toString('base64') })).toMatchObject({ ok: false, error: { code: 'BadInput' } });
    const started = await value(h.auditStart({ stageId: first.stageId, name: 'team' }));
    expect(started.folder).toBe('team');
    const done = await until(h, started.jobId, (s) => s.finished);
    expect(done.rows.map((r) => r.file)).toEqual(['team/2024/d01.docx', 'team/d05.txt']);
    expect(done.rows[1]).toMatchObject({ status: 'checked', score: 65 });
    expect(done.partial).toBeUndefined();
    // the staged copy is gone once the audit stops (the app opens a chosen folder's files from the browser)
    expect(await h.auditFile({ jobId: started.jobId, file: 'team/d05.txt' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  }, 60_000);

  it('gives a row’s file to open in the check view, and no file outside the audit', async () => {
    const small = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-audit-small-'));
    fs.copyFileSync(path.join(DEV, 'd05.txt'), path.join(small, 'd05.txt'));
    fs.writeFileSync(path.join(small, 'notes.csv'), 'not a draft');
    const h = createHandlers(builtInRules(), {});
    const started = await value(h.auditStart({ folder: small }));
    await until(h, started.jobId, (s) => s.finished);
    const f = await value(h.auditFile({ jobId: started.jobId, file: 'd05.txt' }));
    expect(f.filename).toBe('d05.txt');
    expect(Buffer.from(f.data, 'base64').equals(fs.readFileSync(path.join(small, 'd05.txt')))).toBe(true);
    for (const file of ['notes.csv', '../d05.txt', path.join(small, 'd05.txt')]) expect(await h.auditFile({ jobId: started.jobId, file })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  }, 30_000);
});

describe('a trainer’s own draft', () => {
  it('is stepped through like an example, and a file with no text is refused kindly', async () => {
    const h = createHandlers(builtInRules(), {});
    const own = await value(h.trainerOwn({ name: 'mine.txt', data: Buffer.from('Referral for a man aged 40. He claims he was forced to work. He is an illegal immigrant.').toString('base64') }));
    expect(own.title).toBe('mine.txt');
    expect(own.steps.length).toBeGreaterThan(0);
    expect(own.cleaned).not.toContain('claims');
    const empty = await h.trainerOwn({ name: 'empty.txt', data: Buffer.from('   ').toString('base64') });
    expect(empty.ok).toBe(false);
  });
});
