import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInput, type Input } from '../../src/api/contract.js';
import { createHandlers } from '../../src/api/handlers.js';
import { fromPlainText } from '../../src/document/plain.js';
import { lint } from '../../src/engine/lint.js';
import { KEEP, RecoveryStore } from '../../src/store/recovery.js';
import { Store } from '../../src/store/store.js';
import { builtInRules } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-recovery-'));
  return { dir, h: createHandlers(builtInRules(), { recoveryDir: path.join(dir, 'recovery') }) };
}

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The window the user works in (each window makes its id when it starts). */
const WIN = 'win-00000001';

const ORIGINAL = 'Account of exploitation\n\nAna claims she worked on a farm near Boston, Lincolnshire, from May to July 2024.';

/** A draft as the app holds it after the user edited it and dismissed one finding. */
function work(text = ORIGINAL.replace('Boston', 'Boston and Spalding')): Input<'recoverySave'>['work'] {
  const doc = fromPlainText(ORIGINAL);
  const finding = lint(doc, builtInRules()).findings.find((f) => f.rule === 'disbelief/claims')!;
  expect(finding).toBeDefined();
  return { name: 'ana.docx', original: { text: doc.text, blocks: doc.blocks }, text, warnings: [], accepted: [], dismissed: [{ finding, reason: 'Quoting the employer' }], status: 'reviewed' };
}

describe('unsaved work survives a crash', () => {
  it('keeps the edited text and the decisions, lists them without text, and gives them back whole', async () => {
    const { dir, h } = setup();
    const w = work();
    await value(h.recoverySave({ id: 'w-aaaaaaaa', window: WIN, work: w }));
    const { kept } = await value(h.recoveryList({ window: WIN }));
    expect(kept).toEqual([{ id: 'w-aaaaaaaa', name: 'ana.docx', savedAt: expect.any(String), chars: w.text.length, inUse: false }]);
    expect(JSON.stringify(kept)).not.toContain('Spalding');
    const back = await value(h.recoveryGet({ id: 'w-aaaaaaaa' }));
    expect(back.work).toEqual(w);
    // Only the user can read it, and nothing half-written is left beside it.
    const files = fs.readdirSync(path.join(dir, 'recovery'));
    expect(files).toEqual(['w-aaaaaaaa.json']);
    expect(fs.statSync(path.join(dir, 'recovery', files[0]!)).mode & 0o777).toBe(0o600);
    expect(await value(h.recoveryClear({ id: 'w-aaaaaaaa', window: WIN }))).toEqual({ cleared: true });
    expect((await value(h.recoveryList({}))).kept).toEqual([]);
    expect((await h.recoveryGet({ id: 'w-aaaaaaaa' })).ok).toBe(false);
  });

  it('keeps each draft apart, newest first, and only the most recent twenty', async () => {
    const { h } = setup();
    const store = new RecoveryStore(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-recovery-')));
    for (let i = 0; i < KEEP + 3; i++) {
      store.save(`w-${String(i).padStart(8, '0')}`, { n: i }, { now: new Date(Date.UTC(2026, 0, 1, 0, i)) });
      fs.utimesSync(path.join(store.dir, `w-${String(i).padStart(8, '0')}.json`), 1_700_000_000 + i, 1_700_000_000 + i);
    }
    const all = store.list((w) => w as { n: number });
    expect(all).toHaveLength(KEEP);
    expect(all[0]!.work.n).toBe(KEEP + 2);
    expect(all.at(-1)!.work.n).toBe(3);
    await value(h.recoverySave({ id: 'w-11111111', window: WIN, work: { ...work(), name: 'one.txt' } }));
    await value(h.recoverySave({ id: 'w-22222222', window: WIN, work: { ...work(), name: 'two.txt' } }));
    expect((await value(h.recoveryList({}))).kept.map((k) => k.name).sort()).toEqual(['one.txt', 'two.txt']);
  });

  it('sets aside a kept file it cannot read instead of offering it or deleting it', async () => {
    const { dir, h } = setup();
    await value(h.recoverySave({ id: 'w-aaaaaaaa', window: WIN, work: work() }));
    const file = path.join(dir, 'recovery', 'w-aaaaaaaa.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 100));
    expect((await value(h.recoveryList({}))).kept).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'recovery')).some((f) => f.startsWith('w-aaaaaaaa.json.unreadable-'))).toBe(true);
  });

  it('refuses work ids that could name another file, and work whose structure lies outside its text', () => {
    expect(parseInput('recoveryGet', { id: '../history' }).ok).toBe(false);
    expect(parseInput('recoverySave', { id: 'w-aaaaaaaa', window: WIN, work: { ...work(), original: { text: 'ab', blocks: [{ kind: 'paragraph', start: 0, end: 5 }] } } }).ok).toBe(false);
    expect(parseInput('recoverySave', { id: 'w-aaaaaaaa', window: WIN, work: work() }).ok).toBe(true);
  });

  it('says so when work cannot be kept, without the text in the message', async () => {
    const none = createHandlers(builtInRules(), {});
    expect(await none.recoverySave({ id: 'w-aaaaaaaa', window: WIN, work: work() })).toMatchObject({ ok: false, error: { code: 'Unavailable' } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-recovery-'));
    fs.writeFileSync(path.join(dir, 'recovery'), 'a file where the folder should be');
    const blocked = createHandlers(builtInRules(), { recoveryDir: path.join(dir, 'recovery') });
    const r = await blocked.recoverySave({ id: 'w-aaaaaaaa', window: WIN, work: work() });
    expect(r).toMatchObject({ ok: false, error: { code: 'Internal' } });
    expect(JSON.stringify(r)).not.toContain('Spalding');
  });

  it('keeps nothing once the user turns it off in the settings, and removes what was kept', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-recovery-'));
    const store = Store.open(path.join(dir, 'history.sqlite'));
    const h = createHandlers(builtInRules(), { store, recoveryDir: path.join(dir, 'recovery') });
    expect((await value(h.settingsGet({}))).keepUnsaved).toBe(true);
    await value(h.recoverySave({ id: 'w-aaaaaaaa', window: WIN, work: work() }));
    expect((await value(h.settingsSet({ keepUnsaved: false }))).keepUnsaved).toBe(false);
    expect((await value(h.recoveryList({}))).kept).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'recovery'))).toEqual([]);
    expect(await h.recoverySave({ id: 'w-aaaaaaaa', window: WIN, work: work() })).toMatchObject({ ok: false, error: { code: 'Unavailable' } });
    await value(h.settingsSet({ keepUnsaved: true }));
    await value(h.recoverySave({ id: 'w-aaaaaaaa', window: WIN, work: work() }));
    expect((await value(h.recoveryList({}))).kept).toHaveLength(1);
    store.close();
  });

  it('a process killed while saving over and over leaves a whole file: the last save or the one before', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-recovery-'));
    const script = `
      import { RecoveryStore } from ${JSON.stringify(path.join(ROOT, 'src/store/recovery.ts'))};
      const store = new RecoveryStore(${JSON.stringify(dir)});
      const big = 'The account goes on. '.repeat(20000);
      for (let i = 0; ; i++) {
        store.save('w-aaaaaaaa', { n: i, text: big + i });
        if (i === 5) process.stdout.write('saving\\n');
      }`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once('data', () => setTimeout(() => (child.kill('SIGKILL'), resolve()), 150));
      child.once('exit', (code) => reject(new Error(`the saver stopped by itself (${code})`)));
    });
    await new Promise((r) => child.once('exit', r));
    expect(child.signalCode).toBe('SIGKILL');
    const kept = new RecoveryStore(dir).load('w-aaaaaaaa', (w) => w as { n: number; text: string });
    expect(kept).not.toBeNull();
    expect(kept!.work.n).toBeGreaterThan(5);
    expect(kept!.work.text.endsWith(String(kept!.work.n))).toBe(true);
    // A half-written temporary file the kill left (document text) is removed when the work is next listed.
    fs.writeFileSync(path.join(dir, '.w-aaaaaaaa.json.1.1.tmp'), 'The account goes');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.tmp'))) fs.utimesSync(path.join(dir, f), new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    expect(new RecoveryStore(dir).list((w) => w)).toHaveLength(1);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 30_000);
});

describe('several windows on one data folder never lose or take each other’s unsaved work', () => {
  const A = 'win-aaaaaaaa';
  const B = 'win-bbbbbbbb';

  it('work a window has open is not offered to another window, and that window can neither restore nor discard it', async () => {
    const { dir, h } = setup();
    await value(h.recoverySave({ id: 'w-aaaaaaaa', window: A, work: work() }));
    // The window that saves it sees it (after a reload, say); another window does not.
    expect((await value(h.recoveryList({ window: A }))).kept.map((k) => k.id)).toEqual(['w-aaaaaaaa']);
    expect((await value(h.recoveryList({ window: B }))).kept).toEqual([]);
    // A tool that is not a window sees everything, marked as in use.
    expect((await value(h.recoveryList({}))).kept).toMatchObject([{ id: 'w-aaaaaaaa', inUse: true }]);
    const discard = await h.recoveryClear({ id: 'w-aaaaaaaa', window: B });
    expect(discard).toMatchObject({ ok: false, error: { code: 'Busy', message: expect.stringContaining('open in another window') } });
    expect(await h.recoveryRestore({ id: 'w-aaaaaaaa', window: B })).toMatchObject({ ok: false, error: { code: 'Busy' } });
    // Nor can it save over it.
    expect(await h.recoverySave({ id: 'w-aaaaaaaa', window: B, work: work('something else') })).toMatchObject({ ok: false, error: { code: 'Busy' } });
    expect((await value(h.recoveryGet({ id: 'w-aaaaaaaa' }))).work.text).toContain('Boston and Spalding');
    expect(fs.readdirSync(path.join(dir, 'recovery'))).toEqual(['w-aaaaaaaa.json']);
  });

  it('a closed window’s work is offered at once; restoring moves it to the new window under its own id, exactly as last saved', async () => {
    const { dir, h } = setup();
    await value(h.recoverySave({ id: 'w-aaaaaaaa', window: A, work: work('first') }));
    await value(h.recoverySave({ id: 'w-aaaaaaaa', window: A, work: work('second, the last one saved') }));
    await value(h.recoveryTouch({ window: A, closing: true }));
    // A last save sent as the window goes does not keep it open.
    await value(h.recoverySave({ id: 'w-aaaaaaaa', window: A, work: work('third, as the window closed') }));
    expect((await value(h.recoveryList({ window: B }))).kept.map((k) => k.id)).toEqual(['w-aaaaaaaa']);
    const back = await value(h.recoveryRestore({ id: 'w-aaaaaaaa', window: B }));
    expect(back.work.text).toBe('third, as the window closed');
    expect(back.id).not.toBe('w-aaaaaaaa');
    expect(fs.readdirSync(path.join(dir, 'recovery'))).toEqual([`${back.id}.json`]);
    // The old id is gone: a second restore of it (another window's stale offer) finds nothing, takes nothing.
    expect(await h.recoveryRestore({ id: 'w-aaaaaaaa', window: 'win-cccccccc' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await value(h.recoveryClear({ id: 'w-aaaaaaaa', window: 'win-cccccccc' }))).toEqual({ cleared: false });
    // The restored work is now B's: not offered to others, not discarded by them.
    expect((await value(h.recoveryList({ window: 'win-cccccccc' }))).kept).toEqual([]);
    expect(await h.recoveryClear({ id: back.id, window: 'win-cccccccc' })).toMatchObject({ ok: false, error: { code: 'Busy' } });
    await value(h.recoverySave({ id: back.id, window: B, work: work('carried on in B') }));
    expect((await value(h.recoveryGet({ id: back.id }))).work.text).toBe('carried on in B');
    // The closed window, coming back (a reload of its tab), has nothing left to save over: its old id is free.
    await value(h.recoveryTouch({ window: A }));
    expect((await value(h.recoveryList({ window: A }))).kept).toEqual([]);
  });

  it('pruning to the most recent twenty passes by work another open window has', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-recovery-'));
    const store = new RecoveryStore(dir);
    store.save('w-0pen0000', { n: -1 }, { window: A });
    fs.utimesSync(path.join(dir, 'w-0pen0000.json'), 1_600_000_000, 1_600_000_000);
    for (let i = 0; i < KEEP + 2; i++) store.save(`w-${String(i).padStart(8, '0')}`, { n: i }, { window: B });
    const ids = fs.readdirSync(dir).map((f) => f.replace('.json', ''));
    expect(ids).toContain('w-0pen0000');
    expect(ids).toHaveLength(KEEP + 1);
  });
});
