/**
 * Atomic export: the bytes go to a temporary file beside the target, are flushed, then renamed over it, so a
 * failed export leaves nothing half-written. The original document is never a target. A process killed
 * mid-write leaves its temporary file (which may hold document text) behind: the next export into that
 * folder, and the hosts and the CLI at start, sweep such files away (sweepStaleTemps).
 */
import fs from 'node:fs';
import path from 'node:path';

export class ExportError extends Error {
  override name = 'ExportError';
}

/** Whether a file name is one of writeAtomic's temporary files (left behind only if the process died mid-write). */
export function isAtomicTemp(name: string): boolean {
  return /^\..+\.\d+\.\d+\.tmp$/.test(name);
}

/** A temporary file counts as left behind when it is older than this (an export takes well under a second). */
export const STALE_MS = 60_000;

/** Whether the process that wrote a temporary file may still be running (the same pid answers). */
function writerAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, as another user
  }
}

/**
 * Removes writeAtomic's temporary files in `dir` that were left behind: older than a minute, the user's own,
 * and whose writing process is gone. Returns how many went. Never throws: a sweep only tidies.
 */
export function sweepStaleTemps(dir: string, now = Date.now()): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  const uid = process.getuid?.();
  let n = 0;
  for (const name of names) {
    if (!isAtomicTemp(name)) continue;
    const pid = Number(/\.(\d+)\.\d+\.tmp$/.exec(name)![1]);
    const file = path.join(dir, name);
    try {
      const st = fs.lstatSync(file);
      if (!st.isFile() || (uid !== undefined && st.uid !== uid) || now - st.mtimeMs <= STALE_MS || writerAlive(pid)) continue;
      fs.rmSync(file);
      n++;
    } catch {
      // gone already, or not ours to remove
    }
  }
  return n;
}

export function writeAtomic(target: string, data: Uint8Array | string, opts: { protect?: string[]; mode?: number } = {}): void {
  const out = path.resolve(target);
  for (const p of opts.protect ?? []) {
    if (path.resolve(p) === out || (fs.existsSync(p) && fs.existsSync(out) && fs.realpathSync(p) === fs.realpathSync(out))) {
      throw new ExportError(`Refusing to overwrite the original document ${p}. Choose another name for the export.`);
    }
  }
  const dir = path.dirname(out);
  if (!fs.existsSync(dir)) throw new ExportError(`The folder ${dir} does not exist. Choose an existing folder.`);
  sweepStaleTemps(dir);
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`); // see isAtomicTemp
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', opts.mode ?? 0o644);
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, out);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new ExportError(`Cannot write to ${dir}: the folder is read-only or you do not have permission. Choose another folder.`);
    if (code === 'ENOSPC') throw new ExportError(`The disk is full; nothing was written to ${out}.`);
    throw new ExportError(`The export could not be written to ${out} (${(e as Error).message}); nothing was written.`);
  }
}
