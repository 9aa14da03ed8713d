/**
 * Atomic export: the bytes go to a temporary file beside the target, are flushed, then renamed over it, so a
 * failed export leaves nothing half-written. The original document is never a target.
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

export function writeAtomic(target: string, data: Uint8Array | string, opts: { protect?: string[]; mode?: number } = {}): void {
  const out = path.resolve(target);
  for (const p of opts.protect ?? []) {
    if (path.resolve(p) === out || (fs.existsSync(p) && fs.existsSync(out) && fs.realpathSync(p) === fs.realpathSync(out))) {
      throw new ExportError(`Refusing to overwrite the original document ${p}. Choose another name for the export.`);
    }
  }
  const dir = path.dirname(out);
  if (!fs.existsSync(dir)) throw new ExportError(`The folder ${dir} does not exist. Choose an existing folder.`);
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
