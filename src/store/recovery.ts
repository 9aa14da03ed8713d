/**
 * Work in progress, so the user's edits survive a crash: for each draft being edited, its text, its structure
 * as imported and the user's decisions, written atomically to its own file in the app-data folder (readable by
 * the user only) a moment after each change, and offered back when the app next starts. It holds document
 * text, so it lives only here, beside the history, and goes when the user discards it or the draft is back
 * as it was opened. The most recent 20 are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isAtomicTemp, writeAtomic } from '../export/write.js';
import { appDataDir } from './paths.js';

export function defaultRecoveryDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(appDataDir(env), 'recovery');
}

const FORMAT = 'nrm-referral-checker/recovery';
const ID = /^[a-z0-9-]{8,64}$/;
export const KEEP = 20;

export interface Kept<T> {
  id: string;
  savedAt: string;
  work: T;
}

export class RecoveryStore {
  constructor(readonly dir: string) {}

  private file(id: string): string {
    if (!ID.test(id)) throw new Error('not a work id');
    return path.join(this.dir, `${id}.json`);
  }

  /** Replaces the work kept under `id`; the new file is whole on disk before the old one goes. */
  save(id: string, work: object, now = new Date()): string {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const savedAt = now.toISOString();
    writeAtomic(this.file(id), JSON.stringify({ format: FORMAT, version: 1, id, savedAt, work }), { mode: 0o600 });
    this.prune();
    return savedAt;
  }

  /**
   * The work kept under `id`, checked by `validate`; null when there is none. A file that cannot be read as
   * work (cut short by a disk fault, or from another program) is moved aside, never deleted.
   */
  load<T>(id: string, validate: (work: unknown) => T | null): Kept<T> | null {
    const file = this.file(id);
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    try {
      const j = JSON.parse(raw) as { format?: unknown; version?: unknown; id?: unknown; savedAt?: unknown; work?: unknown };
      const work = j.format === FORMAT && j.version === 1 && j.id === id && typeof j.savedAt === 'string' ? validate(j.work) : null;
      if (work !== null) return { id, savedAt: j.savedAt as string, work };
    } catch {
      // not JSON: set aside below
    }
    try {
      fs.renameSync(file, `${file}.unreadable-${Date.now()}`);
    } catch {
      // leave it; the next save replaces it
    }
    return null;
  }

  /** Every piece of kept work that can be read, newest first. Half-written files a crash left are removed. */
  list<T>(validate: (work: unknown) => T | null): Kept<T>[] {
    this.sweep();
    return this.ids()
      .map((id) => this.load(id, validate))
      .filter((k): k is Kept<T> => k !== null)
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  clear(id: string): boolean {
    try {
      fs.rmSync(this.file(id));
      return true;
    } catch {
      return false;
    }
  }

  /** Removes every piece of kept work (the user turned keeping it off). */
  clearAll(): number {
    this.sweep(Infinity);
    return this.ids().filter((id) => this.clear(id)).length;
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

  /** Temporary files older than a minute: a save that was cut short (a save takes milliseconds). */
  private sweep(now = Date.now()): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const f of names) {
      if (!isAtomicTemp(f)) continue;
      const file = path.join(this.dir, f);
      try {
        if (now - fs.statSync(file).mtimeMs > 60_000) fs.rmSync(file);
      } catch {
        // gone already
      }
    }
  }

  /** Keeps the most recent KEEP files (by modification time). */
  private prune(): void {
    const files = this.ids().map((id) => ({ id, t: fs.statSync(this.file(id)).mtimeMs }));
    if (files.length <= KEEP) return;
    for (const f of files.sort((a, b) => b.t - a.t).slice(KEEP)) this.clear(f.id);
  }
}
