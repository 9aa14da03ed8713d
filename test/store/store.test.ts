import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, Store, StoreError } from '../../src/store/store.js';
import { appDataDir, defaultStorePath } from '../../src/store/paths.js';
import { check } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');
const DEV = path.resolve(ROOT, '../shared/corpus/dev');

const DRAFT = `Referral for Tomasz Wrzesniewski, aged 34.
Tomasz claims he was recruited in Gdansk in March 2023 with a promise of warehouse work, then forced to work on a car wash in Leeds for no pay. He alleges the boss kept his passport.
In his own words: "They said my family would be hurt if I left."`;
/** Words only the document holds: none of them may reach the file unless the user keeps text. */
const SECRETS = ['Wrzesniewski', 'car wash in Leeds', 'my family would be hurt', 'Tomasz claims'];

function tmpStore(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-store-')), 'history.sqlite');
}

/** Every byte SQLite has written for the store: the database and, if present, its write-ahead log. */
function storeBytes(file: string): string {
  return ['', '-wal', '-shm', '-journal']
    .map((s) => file + s)
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('\n');
}

function record(store: Store, text = DRAFT) {
  const result = check(text);
  return store.addCheck({ fileName: 'referral-17.docx', contentHash: 'abc123', words: text.split(/\s+/).length, result, text, source: 'app', decisions: [{ index: 0, decision: 'dismissed', reason: 'quoted from the police log' }] });
}

describe('history store', () => {
  it('creates the schema once, in WAL mode, and refuses a file from a newer version', () => {
    const file = tmpStore();
    const a = Store.open(file);
    expect(a.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(a.db.pragma('journal_mode', { simple: true })).toBe('wal');
    record(a);
    a.close();
    const b = Store.open(file);
    expect(b.listChecks()).toHaveLength(1);
    b.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    b.close();
    expect(() => Store.open(file)).toThrow(/newer version/);
  });

  it('keeps scores, counts, missing elements and every decision', () => {
    const store = Store.open(tmpStore());
    const id = record(store);
    const c = store.getCheck(id)!;
    expect(c.fileName).toBe('referral-17.docx');
    expect(c.status).toBe('draft');
    const open = c.findings.filter((f) => f.decision === 'open');
    expect(c.findings[0]).toMatchObject({ decision: 'dismissed', reason: 'quoted from the police log' });
    expect(open.length).toBe(c.findings.length - 1);
    expect(c.disbelief + c.victimBlaming + c.jargon).toBe(open.length);
    expect(c.score).toBeLessThan(100);
    store.setStatus(id, 'ready');
    expect(store.listChecks({ status: 'ready' }).map((x) => x.id)).toEqual([id]);
    expect(store.listChecks({ status: 'draft' })).toEqual([]);
    expect(store.listChecks({ search: 'referral-1' })).toHaveLength(1);
    expect(store.listChecks({ search: '%' })).toHaveLength(0);
    const stats = store.stats();
    const claims = stats.rules.find((r) => r.rule === c.findings[0]!.rule)!;
    expect(claims.dismissalRate).toBeGreaterThan(0);
  });

  it('stores no document text unless the setting is on (read from the file bytes)', () => {
    const file = tmpStore();
    const store = Store.open(file);
    expect(store.settings().storeText).toBe(false);
    record(store);
    store.close();
    const off = storeBytes(file);
    expect(off).toContain('referral-17.docx');
    for (const s of SECRETS) expect(off).not.toContain(s);

    const on = Store.open(file);
    on.updateSettings({ storeText: true });
    const id = record(on);
    expect(on.getCheck(id)!.text).toBe(DRAFT);
    on.close();
    expect(storeBytes(file)).toContain('Wrzesniewski');

    // Turning it off again erases what was kept, including the freed pages.
    const again = Store.open(file);
    again.updateSettings({ storeText: false });
    expect(again.getCheck(id)!.text).toBeNull();
    again.close();
    const erased = storeBytes(file);
    for (const s of SECRETS) expect(erased).not.toContain(s);
  });

  it('wipes erased text from the file and its log while another connection is open, and checks that it did', () => {
    const file = tmpStore();
    const a = Store.open(file);
    a.updateSettings({ storeText: true });
    for (let i = 0; i < 3; i++) record(a);
    const other = new Database(file); // another window or an audit with the same history open
    other.prepare('SELECT count(*) FROM checks').get();
    expect(storeBytes(file)).toContain('Wrzesniewski');
    const s = a.updateSettings({ storeText: false });
    expect(s.erasure).toEqual({ verified: true });
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    const erased = storeBytes(file);
    for (const x of SECRETS) expect(erased).not.toContain(x);
    other.close();
    a.close();
  });

  it('says so when another connection is reading and the text cannot be wiped yet, and finishes the wipe later', () => {
    const file = tmpStore();
    const a = Store.open(file);
    a.updateSettings({ storeText: true });
    record(a);
    const reader = new Database(file);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM checks').get(); // holds a read of the pages that have the text
    const s = a.updateSettings({ storeText: false });
    expect(s.storeText).toBe(false);
    expect(s.erasure?.verified).toBe(false);
    expect(s.erasure?.message).toMatch(/could not yet be wiped/);
    reader.exec('COMMIT');
    reader.close();
    // the next change of settings tries again, and confirms it
    expect(a.updateSettings({ author: 'Sam' }).erasure).toEqual({ verified: true });
    const erased = storeBytes(file);
    for (const x of SECRETS) expect(erased).not.toContain(x);
    expect(a.updateSettings({ team: 'North' }).erasure).toBeUndefined();
    a.close();
  });

  it('keeps the history file, its log and the data folder readable by the user only', () => {
    if (process.platform === 'win32') return;
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-store-')), 'data');
    const file = path.join(dir, 'history.sqlite');
    const store = Store.open(file);
    record(store);
    const mode = (f: string) => fs.statSync(f).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
    store.close();
    // a history made by an earlier version, open to others, is closed when next opened
    fs.chmodSync(file, 0o644);
    Store.open(file).close();
    expect(mode(file)).toBe(0o600);
  });

  it('closes the app-data folder to other users when it opens the history there', () => {
    if (process.platform === 'win32') return;
    const before = process.env.NRM_CHECKER_DATA_DIR;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-data-'));
    fs.chmodSync(dir, 0o755);
    process.env.NRM_CHECKER_DATA_DIR = dir;
    try {
      Store.open(defaultStorePath()).close();
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    } finally {
      if (before === undefined) delete process.env.NRM_CHECKER_DATA_DIR;
      else process.env.NRM_CHECKER_DATA_DIR = before;
    }
  });

  it('deletes checks older than the retention period', () => {
    const store = Store.open(tmpStore());
    const now = new Date('2026-06-30T12:00:00Z');
    store.addCheck({ fileName: 'old.txt', contentHash: 'h1', words: 1, source: 'app', checkedAt: new Date('2026-05-01T00:00:00Z') });
    store.addCheck({ fileName: 'new.txt', contentHash: 'h2', words: 1, source: 'app', checkedAt: new Date('2026-06-29T00:00:00Z') });
    store.updateSettings({ retentionDays: 30 }, now);
    expect(store.listChecks().map((c) => c.fileName)).toEqual(['new.txt']);
  });

  it('moves a team’s checks between machines in one file, once', () => {
    const a = Store.open(tmpStore());
    a.updateSettings({ author: 'A. Officer', team: 'North' });
    record(a);
    a.addCheck({ fileName: 'broken.pdf', contentHash: 'h', words: 0, source: 'audit', error: 'encrypted' });
    const file = JSON.parse(JSON.stringify(a.exportTeam()));
    const b = Store.open(tmpStore());
    expect(b.importTeam(file)).toEqual({ added: 2, skipped: 0 });
    expect(b.importTeam(file)).toEqual({ added: 0, skipped: 2 });
    const got = b.listChecks({ team: 'North' });
    const key = (c: { fileName: string }) => c.fileName;
    expect(got.sort((x, y) => key(x).localeCompare(key(y))).map((c) => [c.fileName, c.author, c.source, c.error])).toEqual(
      a
        .listChecks()
        .sort((x, y) => key(x).localeCompare(key(y)))
        .map((c) => [c.fileName, 'A. Officer', 'team', c.error]),
    );
    expect(b.getCheck(got.find((c) => !c.error)!.id)!.findings).toEqual(a.getCheck(a.listChecks().find((c) => !c.error)!.id)!.findings);
    expect(() => b.importTeam({ format: 'something else' })).toThrow(StoreError);
  });

  it('lives in the per-user app-data folder unless told otherwise', () => {
    expect(appDataDir({ HOME: '/home/x', XDG_CONFIG_HOME: '/home/x/.config' }, 'linux')).toBe('/home/x/.config/NRM Referral Checker');
    expect(appDataDir({ NRM_CHECKER_DATA_DIR: '/tmp/d' }, 'linux')).toBe('/tmp/d');
    expect(appDataDir({ APPDATA: 'C:\\Users\\x\\AppData\\Roaming' }, 'win32')).toMatch(/NRM Referral Checker$/);
  });
});

describe.skipIf(!fs.existsSync(DEV))('an audit killed mid-run', () => {
  it('leaves a sound store holding every check finished before the kill', async () => {
    const file = tmpStore();
    const child = spawn(process.execPath, [BIN, 'audit', DEV, '--csv', path.join(path.dirname(file), 'out.csv'), '--history', file, '--progress', '--jobs', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const done: string[] = [];
    let buf = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (d: string) => {
        buf += d;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          const m = /^checked \d+ of \d+: (.+)$/.exec(line);
          if (m) done.push(m[1]!);
          if (done.length === 8) {
            child.kill('SIGKILL');
            resolve();
          }
        }
      });
      child.on('exit', () => (done.length >= 8 ? resolve() : reject(new Error(`audit ended before the kill: ${buf}`))));
    });
    await new Promise((r) => child.once('exit', r).once('close', r));
    expect(child.signalCode ?? 'SIGKILL').toBe('SIGKILL');
    const store = Store.open(file);
    expect(store.integrity()).toBe('ok');
    const names = store.listChecks({ limit: 1000 }).map((c) => c.fileName);
    for (const f of done) expect(names).toContain(f);
    expect(names.length).toBeLessThan(36);
    const run = store.audits()[0]!;
    expect(run.finishedAt).toBeNull();
    expect(run.checks).toBe(names.length);
    store.close();
  }, 60_000);
});
