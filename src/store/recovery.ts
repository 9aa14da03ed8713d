/**
 * Work in progress, so the user's edits survive a crash: for each draft being edited, its text, its structure
 * as imported and the user's decisions, written atomically to its own file in the app-data folder (readable by
 * the user only) a moment after each change, and offered back when the app next starts. It holds document
 * text, so it lives only here, beside the history, and goes when the user discards it or the draft is back
 * as it was opened. The most recent 20 are kept.
 *
 * Several windows and several app processes may share the folder. Each file names the window that saves it
 * (its owner); while that window is open (see hosts.ts) no other window is offered the work, may restore it or
 * discard it, and pruning passes it by. Restoring moves the work to the restoring window under a new id with
 * one atomic rename, so two windows never save to one file and two restores of one piece cannot both win.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isAtomicTemp, writeAtomic } from '../export/write.js';
import { HostRegistry, type Owner } from './hosts.js';
import { appDataDir } from './paths.js';

export function defaultRecoveryDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(appDataDir(env), 'recovery');
}

const FORMAT = 'nrm-referral-checker/recovery';
const ID = /^[a-z0-9-]{8,64}$/;
/** A restore in progress: the work renamed out of the way until it is written under its new id. */
const CLAIM = /^\.([a-z0-9-]{8,64})\.claim$/;
export const KEEP = 20;

export interface Kept<T> {
  id: string;
  savedAt: string;
  work: T;
  /** The window that saves it (absent in work kept before windows were told apart). */
  owner?: Owner;
}

/** The work is open in another window that is still open; nothing was changed. */
export class WorkInUse extends Error {
  override name = 'WorkInUse';
}

/** A fresh work id, in the form the app's windows use. */
export function newWorkId(): string {
  return `w-${randomBytes(12).toString('hex')}`;
}

interface Raw {
  format?: unknown;
  version?: unknown;
  id?: unknown;
  owner?: unknown;
  savedAt?: unknown;
  work?: unknown;
}

const ownerOf = (j: Raw): Owner | undefined => {
  const o = j.owner as Partial<Owner> | undefined;
  return o && typeof o.host === 'string' && typeof o.window === 'string' ? { host: o.host, window: o.window } : undefined;
};

export class RecoveryStore {
  /** `hosts`: this process's registration, to tell which windows are open; by default one no other process sees. */
  constructor(
    readonly dir: string,
    readonly hosts: HostRegistry = HostRegistry.local(),
  ) {}

  private file(id: string): string {
    if (!ID.test(id)) throw new Error('not a work id');
    return path.join(this.dir, `${id}.json`);
  }

  /**
   * Replaces the work kept under `id`, saved by `window`; the new file is whole on disk before the old one
   * goes. Throws WorkInUse when another open window saves to that id.
   */
  save(id: string, work: object, opts: { window?: string; now?: Date } = {}): string {
    const now = opts.now ?? new Date();
    if (opts.window) this.hosts.touch(opts.window, now.getTime());
    if (this.inUse(this.read(id)?.owner, opts.window)) throw new WorkInUse('That work is open in another window.');
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const savedAt = now.toISOString();
    const owner = opts.window ? { host: this.hosts.id, window: opts.window } : undefined;
    writeAtomic(this.file(id), JSON.stringify({ format: FORMAT, version: 1, id, ...(owner ? { owner } : {}), savedAt, work }), { mode: 0o600 });
    this.prune(opts.window);
    return savedAt;
  }

  /**
   * The work kept under `id`, checked by `validate`; null when there is none. A file that cannot be read as
   * work (cut short by a disk fault, or from another program) is moved aside, never deleted.
   */
  load<T>(id: string, validate: (work: unknown) => T | null): Kept<T> | null {
    return this.loadFile(this.file(id), id, validate);
  }

  /**
   * Every piece of kept work that can be read, newest first, each saying whether a window other than `window`
   * has it open now. Half-written files a crash left are removed.
   */
  list<T>(validate: (work: unknown) => T | null, window?: string): (Kept<T> & { inUse: boolean })[] {
    this.sweep();
    const now = Date.now();
    return this.ids()
      .map((id) => this.load(id, validate))
      .filter((k): k is Kept<T> => k !== null)
      .map((k) => ({ ...k, inUse: this.inUse(k.owner, window, now) }))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  /**
   * Restores the work kept under `id` into `window`: it moves, whole, to a new id that only this window saves
   * to (returned). Null when it is no longer kept (another window may have just restored it); WorkInUse when
   * another window has it open.
   */
  restore<T>(id: string, window: string, validate: (work: unknown) => T | null, newId = newWorkId()): Kept<T> | null {
    this.hosts.touch(window, Date.now(), { reopen: true });
    const k = this.load(id, validate);
    if (!k) return null;
    if (this.inUse(k.owner, window)) throw new WorkInUse('That work is open in another window.');
    // The rename is the claim: of two windows restoring at once, exactly one moves the file.
    const claim = path.join(this.dir, `.${newId}.claim`);
    try {
      fs.renameSync(this.file(id), claim);
    } catch {
      return null;
    }
    // Read again what was moved: a last save may have landed since it was looked at.
    const moved = this.loadFile(claim, id, validate);
    if (!moved) return null;
    const raw = JSON.parse(fs.readFileSync(claim, 'utf8')) as Raw;
    const owner = { host: this.hosts.id, window };
    writeAtomic(this.file(newId), JSON.stringify({ format: FORMAT, version: 1, id: newId, owner, savedAt: moved.savedAt, work: raw.work }), { mode: 0o600 });
    fs.rmSync(claim, { force: true });
    return { id: newId, savedAt: moved.savedAt, work: moved.work, owner };
  }

  /**
   * Removes the work kept under `id` (the user discarded it, or the draft is back as it was opened). False when
   * there was none; WorkInUse, and nothing removed, when a window other than `window` has it open.
   */
  clear(id: string, window?: string): boolean {
    const k = this.read(id);
    if (!k) return false;
    if (this.inUse(k.owner, window)) throw new WorkInUse('That work is open in another window.');
    return this.remove(id);
  }

  /** Removes every piece of kept work, open elsewhere or not (the user turned keeping it off). */
  clearAll(): number {
    this.sweep(Infinity);
    return this.ids().filter((id) => this.remove(id)).length;
  }

  private remove(id: string): boolean {
    try {
      fs.rmSync(this.file(id));
      return true;
    } catch {
      return false;
    }
  }

  /** Whether `owner` is a window other than `window` that is open now. */
  private inUse(owner: Owner | undefined, window: string | undefined, now = Date.now()): boolean {
    return !!owner && owner.window !== window && this.hosts.isLive(owner, now);
  }

  /** The file as kept (any work), or null; for its owner. */
  private read(id: string): { owner?: Owner } | null {
    try {
      const j = JSON.parse(fs.readFileSync(this.file(id), 'utf8')) as Raw;
      const owner = ownerOf(j);
      return owner ? { owner } : {};
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : {};
    }
  }

  private loadFile<T>(file: string, id: string, validate: (work: unknown) => T | null): Kept<T> | null {
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    try {
      const j = JSON.parse(raw) as Raw;
      const work = j.format === FORMAT && j.version === 1 && j.id === id && typeof j.savedAt === 'string' ? validate(j.work) : null;
      const owner = ownerOf(j);
      if (work !== null) return { id, savedAt: j.savedAt as string, work, ...(owner ? { owner } : {}) };
    } catch {
      // not JSON: set aside below
    }
    try {
      fs.renameSync(file, `${this.file(id)}.unreadable-${Date.now()}`);
    } catch {
      // leave it; the next save replaces it
    }
    return null;
  }

  private ids(): string[] {
    try {
      return fs
        .readdirSync(this.dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
        .filter((id) => ID.test(id));
    } catch {
      return [];
    }
  }

  /**
   * Leftovers older than a minute (a save or a restore takes milliseconds): half-written temporary files are
   * removed; work a restore had moved aside when its process died is put back under its new id, never lost.
   */
  private sweep(now = Date.now()): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const f of names) {
      const claim = CLAIM.exec(f);
      if (!isAtomicTemp(f) && !claim) continue;
      const file = path.join(this.dir, f);
      try {
        if (now - fs.statSync(file).mtimeMs <= 60_000) continue;
        if (claim && !fs.existsSync(this.file(claim[1]!))) this.unclaim(file, claim[1]!);
        else fs.rmSync(file);
      } catch {
        // gone already
      }
    }
  }

  /** Puts work a dead restore had moved aside under the id it was moving to (as it was: free to restore). */
  private unclaim(claim: string, id: string): void {
    const j = JSON.parse(fs.readFileSync(claim, 'utf8')) as Raw;
    writeAtomic(this.file(id), JSON.stringify({ ...j, id }), { mode: 0o600 });
    fs.rmSync(claim);
  }

  /** Keeps the most recent KEEP files (by modification time), passing by work another open window saves. */
  private prune(window: string | undefined): void {
    const files = this.ids().map((id) => ({ id, t: fs.statSync(this.file(id)).mtimeMs }));
    if (files.length <= KEEP) return;
    for (const f of files.sort((a, b) => b.t - a.t).slice(KEEP)) if (!this.inUse(this.read(f.id)?.owner, window)) this.remove(f.id);
  }
}
