/**
 * Which files and folders on disk the checker may trust: its own (owned by the current user), not a symbolic
 * link, and not writable by other users. Used for the compiled-rule cache, config files and the history, so
 * that another account on the machine (or a shared drive) cannot change what the checker says or reads.
 * Windows has no owner ids or mode bits here: its per-user folders are protected by their access lists, so
 * only the link and type checks apply there.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The current user's id, or undefined where the system has none (Windows). */
export function currentUid(): number | undefined {
  return process.getuid?.();
}

/** Why a file or folder is not to be trusted; undefined when it may be. */
export function distrust(st: fs.Stats, uid: number | undefined, want: 'file' | 'dir'): string | undefined {
  if (st.isSymbolicLink()) return 'it is a symbolic link';
  if (want === 'file' ? !st.isFile() : !st.isDirectory()) return want === 'file' ? 'it is not a plain file' : 'it is not a folder';
  if (uid === undefined) return undefined;
  if (st.uid !== uid) return `it belongs to another user (owner id ${st.uid})`;
  if (st.mode & 0o022) return 'other users may change it';
  return undefined;
}

/**
 * Makes `dir` (and any missing parents) a private folder, mode 0700. A folder that is ours but open to
 * others is closed; `tightened` when others could write to it (what it holds may have been changed
 * meanwhile). Returns the reason when the folder cannot be trusted at all (a link, another user's), in
 * which case nothing in it should be used.
 */
export function privateDir(dir: string, uid = currentUid()): { ok: true; tightened: boolean } | { ok: false; reason: string } {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    const why = distrust(st, uid, 'dir');
    if (why && why !== 'other users may change it') return { ok: false, reason: why };
    if (uid !== undefined && st.mode & 0o077) fs.chmodSync(dir, 0o700);
    return { ok: true, tightened: why !== undefined };
  } catch (e) {
    return { ok: false, reason: `it cannot be used (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
}

/** Reads a file only if it may be trusted (opened without following a link, then checked); else the reason. */
export function readTrusted(file: string, uid = currentUid()): { text: string } | { reason: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { reason: code === 'ELOOP' ? 'it is a symbolic link' : code === 'ENOENT' ? 'it does not exist' : `it cannot be read (${code ?? 'error'})` };
  }
  try {
    const why = distrust(fs.fstatSync(fd), uid, 'file');
    return why ? { reason: why } : { text: fs.readFileSync(fd, 'utf8') };
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a file readable by the user only, whole or not at all (a new file, renamed over the old one). */
export function writePrivate(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`); // the shape writeAtomic's sweep knows
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
