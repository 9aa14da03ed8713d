/**
 * Which app processes (hosts: the desktop app, each browser host) and which of their windows are using the
 * data folder now, so that one window's unsaved work is never offered to, shared with or discarded by another.
 *
 * Each host writes `<data>/hosts/<pid>-<token>.json` (no document text: its pid, the machine, the process's
 * start time and, per window id, when the window was last heard from) and removes it on a clean exit. A host
 * is alive while its process is: the pid answers and, where the system tells it (Linux), started at the same
 * time, so a reused pid is not taken for it. A window is open while it was heard from within LEASE_MS; windows
 * check in every third of that. So a host killed outright is seen as gone at once, a window closed as it says
 * so, and a window that went silent (a browser crash) after the lease.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeAtomic } from '../export/write.js';
import { appDataDir } from './paths.js';

/** How long a window counts as open after it was last heard from (two minutes: a hidden browser tab may only run its timers once a minute). */
export const LEASE_MS = 120_000;
/** A window's check-ins reach the host's file at most this often each (others judge against a two-minute lease). */
const WRITE_EVERY_MS = 5_000;
const FORMAT = 'nrm-referral-checker/host';
const HOST_ID = /^\d{1,10}-[0-9a-f]{16}$/;

/** Who is working on a piece of kept work: a host's registration and one of its windows. */
export interface Owner {
  host: string;
  window: string;
}

interface HostFile {
  format: typeof FORMAT;
  pid: number;
  machine: string;
  started: string | null;
  /** Window id -> when last heard from (ms since 1970); 0 once the window said it was closing. */
  windows: Record<string, number>;
}

export function defaultHostsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(appDataDir(env), 'hosts');
}

/** When the system says a process started (Linux: clock ticks since boot), to tell a reused pid apart; null where unknown. */
export function startOf(pid: number): string | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces); the start time is field 22, the 20th of these.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class HostRegistry {
  readonly id: string;
  /** Window id -> when last heard from, whether it said it was closing, and the time last written for it. */
  private readonly windows = new Map<string, { seen: number; closed: boolean; written: number }>();

  private constructor(readonly dir: string | null) {
    this.id = `${process.pid}-${randomBytes(8).toString('hex')}`;
  }

  /** This process, registered in `dir` (usually `<data>/hosts`) until release(). */
  static register(dir: string): HostRegistry {
    const r = new HostRegistry(dir);
    r.write(Date.now());
    return r;
  }

  /** A registry no other process can see (tests, a host that keeps work but did not register). */
  static local(): HostRegistry {
    return new HostRegistry(null);
  }

  /**
   * A window was heard from. Once it said it was closing, only `reopen` (its own check-in, as when the page
   * comes back from the back/forward cache) counts: a last save sent as it goes does not keep it open.
   */
  touch(window: string, now = Date.now(), opts: { reopen?: boolean } = {}): void {
    const last = this.windows.get(window);
    if (last?.closed && !opts.reopen) return;
    this.windows.set(window, { seen: now, closed: false, written: last?.written ?? 0 });
    if (!last || last.closed || now - last.written >= WRITE_EVERY_MS) this.write(now);
  }

  /** The window is going away: its work is free for other windows now, not after the lease. */
  close(window: string, now = Date.now()): void {
    this.windows.set(window, { seen: now, closed: true, written: 0 });
    this.write(now);
  }

  /** Whether the window that owns some work is open now, in this process or another. */
  isLive(owner: Owner | undefined, now = Date.now()): boolean {
    if (!owner) return false;
    const seen = owner.host === this.id ? this.seenHere(owner.window) : this.seenElsewhere(owner);
    return seen !== undefined && seen > 0 && now - seen < LEASE_MS;
  }

  /** Removes the registration (a clean exit); the windows' work is free for other hosts at once. */
  release(): void {
    this.windows.clear();
    if (!this.dir) return;
    try {
      fs.rmSync(this.file(this.id), { force: true });
    } catch {
      // nothing to remove
    }
  }

  private file(id: string): string {
    return path.join(this.dir!, `${id}.json`);
  }

  private seenHere(window: string): number | undefined {
    const w = this.windows.get(window);
    return w && !w.closed ? w.seen : undefined;
  }

  private seenElsewhere(owner: Owner): number | undefined {
    if (!this.dir || !HOST_ID.test(owner.host)) return undefined;
    let h: Partial<HostFile>;
    try {
      h = JSON.parse(fs.readFileSync(this.file(owner.host), 'utf8')) as Partial<HostFile>;
    } catch {
      return undefined; // gone: it exited cleanly, or its file was removed as dead
    }
    if (h.format !== FORMAT || typeof h.pid !== 'number' || typeof h.windows !== 'object' || h.windows === null) return undefined;
    if (h.machine === os.hostname() && !this.sameProcess(h.pid, h.started ?? null)) {
      // Its process is gone (killed, or the pid now belongs to another program): the registration is stale.
      fs.rmSync(this.file(owner.host), { force: true });
      return undefined;
    }
    // On another machine sharing the folder the pid cannot be checked: the lease alone decides.
    const seen = (h.windows as Record<string, unknown>)[owner.window];
    return typeof seen === 'number' ? seen : undefined;
  }

  private sameProcess(pid: number, started: string | null): boolean {
    if (pid === process.pid) return false; // not this registration, so that process is gone
    if (!processAlive(pid)) return false;
    const now = started === null ? null : startOf(pid);
    return started === null || now === null || now === started;
  }

  /** Rewrites the registration; windows silent for longer than the lease are dropped. Best effort. */
  private write(now: number): void {
    for (const [w, e] of this.windows) {
      if (now - e.seen >= LEASE_MS) this.windows.delete(w);
      else e.written = e.seen;
    }
    if (!this.dir) return;
    const windows = Object.fromEntries([...this.windows].map(([w, { seen, closed }]) => [w, closed ? 0 : seen]));
    const body: HostFile = { format: FORMAT, pid: process.pid, machine: os.hostname(), started: startOf(process.pid), windows };
    try {
      fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      writeAtomic(this.file(this.id), JSON.stringify(body), { mode: 0o600 });
    } catch {
      // A folder that cannot be written: other hosts see these windows as closed; saves report their own failure.
    }
  }
}
