import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostRegistry, LEASE_MS, startOf } from '../../src/store/hosts.js';
import { RecoveryStore } from '../../src/store/recovery.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** A data folder with its recovery/ and hosts/ folders, as the hosts use it. */
function folder() {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-lock-'));
  return { recovery: path.join(data, 'recovery'), hosts: path.join(data, 'hosts') };
}

/**
 * Another app process on the same data folder: it registers, saves `text` as its window `win-other1` and
 * prints "saved"; on a line "exit" on its stdin it leaves cleanly.
 */
function otherHost(d: { recovery: string; hosts: string }, text: string): Promise<ChildProcess> {
  const script = `
    import { HostRegistry } from ${JSON.stringify(path.join(ROOT, 'src/store/hosts.ts'))};
    import { RecoveryStore } from ${JSON.stringify(path.join(ROOT, 'src/store/recovery.ts'))};
    const hosts = HostRegistry.register(${JSON.stringify(d.hosts)});
    const store = new RecoveryStore(${JSON.stringify(d.recovery)}, hosts);
    store.save('w-0therwork', { text: ${JSON.stringify(text)} }, { window: 'win-other1' });
    process.stdout.write('saved\\n');
    process.stdin.on('data', () => { hosts.release(); process.exit(0); });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the other host stopped (${code})`)));
  });
}

const exited = (c: ChildProcess) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));
const asWork = (w: unknown) => w as { text: string };

describe('work kept by a window of another app process', () => {
  it('is not offered, restored or discarded while that process runs; once it is killed, it is restored exactly as last saved', async () => {
    const d = folder();
    const other = await otherHost(d, 'the last text the other window saved');
    const here = new RecoveryStore(d.recovery, HostRegistry.register(d.hosts));
    expect(here.list(asWork, 'win-here0001')).toMatchObject([{ id: 'w-0therwork', inUse: true }]);
    expect(() => here.restore('w-0therwork', 'win-here0001', asWork)).toThrow(/another window/);
    expect(() => here.clear('w-0therwork', 'win-here0001')).toThrow(/another window/);
    expect(() => here.save('w-0therwork', { text: 'mine' }, { window: 'win-here0001' })).toThrow(/another window/);

    other.kill('SIGKILL');
    await exited(other);
    // At once, not after the lease: its process is gone.
    expect(here.list(asWork, 'win-here0001')).toMatchObject([{ id: 'w-0therwork', inUse: false }]);
    const back = here.restore('w-0therwork', 'win-here0001', asWork)!;
    expect(back.work.text).toBe('the last text the other window saved');
    expect(fs.readdirSync(d.recovery)).toEqual([`${back.id}.json`]);
    // The dead process's registration is removed; this one's stays.
    expect(fs.readdirSync(d.hosts)).toEqual([`${here.hosts.id}.json`]);
  }, 30_000);

  it('is free as soon as that process exits cleanly', async () => {
    const d = folder();
    const other = await otherHost(d, 'kept');
    const here = new RecoveryStore(d.recovery, HostRegistry.register(d.hosts));
    expect(here.list(asWork, 'win-here0001')[0]!.inUse).toBe(true);
    other.stdin!.write('exit\n');
    await exited(other);
    expect(other.exitCode).toBe(0);
    expect(here.list(asWork, 'win-here0001')[0]!.inUse).toBe(false);
    expect(here.clear('w-0therwork', 'win-here0001')).toBe(true);
  }, 30_000);

  it('of two processes restoring the same work at once, exactly one gets it and nothing is lost or doubled', async () => {
    const d = folder();
    new RecoveryStore(d.recovery).save('w-0rphaned', { text: 'left by a crash' });
    const script = (n: number) => `
      import { HostRegistry } from ${JSON.stringify(path.join(ROOT, 'src/store/hosts.ts'))};
      import { RecoveryStore } from ${JSON.stringify(path.join(ROOT, 'src/store/recovery.ts'))};
      const store = new RecoveryStore(${JSON.stringify(d.recovery)}, HostRegistry.register(${JSON.stringify(d.hosts)}));
      process.stdin.once('data', () => {
        const k = store.restore('w-0rphaned', 'win-racer${n}0', (w) => w);
        process.stdout.write(JSON.stringify(k ? k.work : null) + '\\n');
        process.exit(0);
      });
      process.stdout.write('ready\\n');`;
    const racers = [1, 2].map((n) => spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(n)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] }));
    children.push(...racers);
    const lines = racers.map((c) => {
      let out = '';
      c.stdout!.on('data', (b: Buffer) => (out += b.toString()));
      return () => out.split('\n').filter(Boolean);
    });
    await expect.poll(() => lines.every((l) => l().includes('ready')), { timeout: 20_000 }).toBe(true);
    for (const c of racers) c.stdin!.write('go\n');
    await Promise.all(racers.map(exited));
    const got = lines.map((l) => JSON.parse(l().at(-1)!) as { text: string } | null);
    expect(got.filter((g) => g !== null)).toEqual([{ text: 'left by a crash' }]);
    const files = fs.readdirSync(d.recovery);
    expect(files).toHaveLength(1);
    expect(fs.readFileSync(path.join(d.recovery, files[0]!), 'utf8')).toContain('left by a crash');
  }, 30_000);
});

describe('a host registration', () => {
  // The start time is known on Linux only; elsewhere the lease decides.
  it.skipIf(process.platform !== 'linux')('is not taken for alive when its pid now belongs to another program', async () => {
    const d = folder();
    const sleeper = spawn('sleep', ['30']);
    children.push(sleeper);
    await new Promise((r) => sleeper.once('spawn', r));
    const write = (id: string, started: string | null) =>
      fs.writeFileSync(path.join(d.hosts, `${id}.json`), JSON.stringify({ format: 'nrm-referral-checker/host', pid: sleeper.pid, machine: os.hostname(), started, windows: { 'win-theirs01': Date.now() } }));
    const here = HostRegistry.register(d.hosts);
    const same = `${sleeper.pid}-00000000000000aa`;
    const reused = `${sleeper.pid}-00000000000000bb`;
    write(same, startOf(sleeper.pid!));
    write(reused, String(Number(startOf(sleeper.pid!)) - 100));
    expect(here.isLive({ host: same, window: 'win-theirs01' })).toBe(true);
    expect(here.isLive({ host: reused, window: 'win-theirs01' })).toBe(false);
  });

  it('counts a window as open for the lease after it was last heard from, and not once it said it closed', () => {
    const d = folder();
    const hosts = HostRegistry.register(d.hosts);
    const t = Date.now();
    hosts.touch('win-aaaaaaaa', t);
    hosts.touch('win-bbbbbbbb', t);
    const owner = (window: string) => ({ host: hosts.id, window });
    expect(hosts.isLive(owner('win-aaaaaaaa'), t + LEASE_MS - 1)).toBe(true);
    expect(hosts.isLive(owner('win-aaaaaaaa'), t + LEASE_MS)).toBe(false);
    hosts.close('win-bbbbbbbb', t);
    expect(hosts.isLive(owner('win-bbbbbbbb'), t)).toBe(false);
    expect(hosts.isLive(owner('win-never000'), t)).toBe(false);
    // What other processes read: when each window was last heard from, 0 once closed; nothing else about it.
    const file = JSON.parse(fs.readFileSync(path.join(d.hosts, `${hosts.id}.json`), 'utf8'));
    expect(file.windows).toEqual({ 'win-aaaaaaaa': t, 'win-bbbbbbbb': 0 });
    expect(Object.keys(file).sort()).toEqual(['format', 'machine', 'pid', 'started', 'windows']);
    hosts.release();
    expect(fs.existsSync(path.join(d.hosts, `${hosts.id}.json`))).toBe(false);
    expect(HostRegistry.local().isLive(owner('win-aaaaaaaa'), t)).toBe(false);
  });

  it('tells other processes of every window’s check-in within seconds, however busy its other windows are', () => {
    const d = folder();
    const hosts = HostRegistry.register(d.hosts);
    const onDisk = () => JSON.parse(fs.readFileSync(path.join(d.hosts, `${hosts.id}.json`), 'utf8')).windows as Record<string, number>;
    const t = Date.now();
    hosts.touch('win-quiet001', t);
    hosts.touch('win-busy0001', t);
    hosts.touch('win-busy0001', t + 38_000);
    // The quiet window checks in two seconds after the busy one's was written: its own is written too.
    hosts.touch('win-quiet001', t + 40_000);
    expect(onDisk()['win-quiet001']).toBe(t + 40_000);
    // A check-in a second after its own last one may wait for the next.
    hosts.touch('win-quiet001', t + 41_000);
    expect(onDisk()['win-quiet001']).toBe(t + 40_000);
  });

  it('left by an earlier process with this one’s pid is stale, and is removed', () => {
    const d = folder();
    const here = HostRegistry.register(d.hosts);
    const stale = `${process.pid}-00000000000000cc`;
    fs.writeFileSync(path.join(d.hosts, `${stale}.json`), JSON.stringify({ format: 'nrm-referral-checker/host', pid: process.pid, machine: os.hostname(), started: null, windows: { 'win-theirs01': Date.now() } }));
    expect(here.isLive({ host: stale, window: 'win-theirs01' })).toBe(false);
    expect(fs.readdirSync(d.hosts)).toEqual([`${here.id}.json`]);
  });
});

describe('a restore cut short', () => {
  it('puts the work back under its new id, free to restore, instead of leaving or deleting it', () => {
    const d = folder();
    const store = new RecoveryStore(d.recovery);
    store.save('w-aaaaaaaa', { text: 'moved when the process died' }, { window: 'win-gone0001' });
    // What a restore leaves if its process dies between the move and the write.
    const claim = path.join(d.recovery, '.w-bbbbbbbb.claim');
    fs.renameSync(path.join(d.recovery, 'w-aaaaaaaa.json'), claim);
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(claim, old, old);
    const later = new RecoveryStore(d.recovery);
    expect(later.list(asWork, 'win-new00001')).toMatchObject([{ id: 'w-bbbbbbbb', work: { text: 'moved when the process died' }, inUse: false }]);
    expect(fs.readdirSync(d.recovery)).toEqual(['w-bbbbbbbb.json']);
  });
});
