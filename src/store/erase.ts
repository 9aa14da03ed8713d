/**
 * Making sure erased document text is gone from the disk, not only from the tables. In WAL mode the old pages
 * stay in the `-wal` file until a checkpoint copies the new ones into the database and truncates the log; a
 * checkpoint cannot finish while another connection (another window, `nrm-check audit`) is reading. So after
 * the text is erased (with secure_delete on, freed space is overwritten): checkpoint with TRUNCATE, retrying
 * briefly while a reader holds on; check the result and that the `-wal` file is empty; then look for samples
 * of the erased text in the database file (VACUUM and look again if any remain). What cannot be confirmed is
 * said, so the user is never told the text is gone when it may not be.
 */
import type Database from 'better-sqlite3';
import fs from 'node:fs';

export interface Erasure {
  /** The erased text is confirmed gone from the history file and its log. */
  verified: boolean;
  /** For the user, when it could not be confirmed: what happened and what to do. */
  message?: string;
}

/** How many times a checkpoint is tried while other connections hold a read, each waiting up to WAIT_MS. */
const TRIES = 10;
const WAIT_MS = 150;
/** How many erased texts are sampled, and the length of each sample. */
const SAMPLE_TEXTS = 20;
const SAMPLE_CHARS = 32;

/** Pieces of the erased texts to look for afterwards: the start, middle and end of up to 20 of them. */
export function samplesOf(texts: readonly string[]): Buffer[] {
  const out: Buffer[] = [];
  for (const t of texts.slice(0, SAMPLE_TEXTS)) {
    if (t.length < SAMPLE_CHARS) continue; // too short to tell apart from the rest of the file
    const mid = Math.floor((t.length - SAMPLE_CHARS) / 2);
    for (const at of new Set([0, mid, t.length - SAMPLE_CHARS])) out.push(Buffer.from(t.slice(at, at + SAMPLE_CHARS), 'utf8'));
  }
  return out;
}

type Checkpoint = { busy: number; log: number; checkpointed: number };

/** Checkpoints with TRUNCATE, trying again (up to `tries` times) while another connection holds a read; the last result. */
export function checkpointTruncate(db: Database.Database, tries = TRIES): Checkpoint {
  const before = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${WAIT_MS}`);
  let r: Checkpoint = { busy: 1, log: -1, checkpointed: -1 };
  try {
    for (let i = 0; i < tries; i++) {
      try {
        r = (db.pragma('wal_checkpoint(TRUNCATE)') as Checkpoint[])[0]!;
      } catch {
        r = { busy: 1, log: -1, checkpointed: -1 }; // SQLITE_BUSY: a writer holds the lock
      }
      if (r.busy === 0) break;
    }
  } finally {
    db.pragma(`busy_timeout = ${before}`);
  }
  return r;
}

/** Whether a file holds any of the samples (read in chunks that overlap by a sample's length). */
export function holdsAny(file: string, samples: readonly Buffer[]): boolean {
  if (!samples.length || !fs.existsSync(file)) return false;
  const overlap = Math.max(...samples.map((s) => s.length));
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4 * 1048576 + overlap);
    let pos = 0;
    let carry = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, carry, buf.length - carry, pos);
      if (n <= 0) return false;
      const view = buf.subarray(0, carry + n);
      if (samples.some((s) => view.includes(s))) return true;
      pos += n;
      carry = Math.min(overlap, view.length);
      view.copyWithin(0, view.length - carry);
    }
  } finally {
    fs.closeSync(fd);
  }
}

const walEmpty = (file: string) => !fs.existsSync(`${file}-wal`) || fs.statSync(`${file}-wal`).size === 0;

const BUSY =
  'The kept text was removed from the history, but another window of the checker (or nrm-check audit) was reading the history file, so the old copy could not yet be wiped from the disk. It is wiped when the other program stops reading; to confirm it now, close other checker windows or wait for the audit to finish, then save the settings again.';
const REMAINS = 'The kept text was removed from the history, but a copy could still be found in the history file. Save the settings again to retry; if this stays, close the app and delete the history file (named below) to be sure.';

/** Confirms erased text is gone from `file` (the database) and its log; `samples` come from samplesOf. */
export function confirmErased(db: Database.Database, file: string, samples: readonly Buffer[]): Erasure {
  if (file === ':memory:') return { verified: true };
  if (checkpointTruncate(db).busy !== 0 || !walEmpty(file)) return { verified: false, message: BUSY };
  if (holdsAny(file, samples)) {
    try {
      db.exec('VACUUM');
    } catch {
      return { verified: false, message: BUSY };
    }
    if (checkpointTruncate(db).busy !== 0 || !walEmpty(file)) return { verified: false, message: BUSY };
    if (holdsAny(file, samples)) return { verified: false, message: REMAINS };
  }
  return { verified: true };
}
