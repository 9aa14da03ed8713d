import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STALE_MS, sweepStaleTemps, writeAtomic } from '../../src/export/write.js';
import { exportFolders, rememberExportFolder, sweepAtStart } from '../../src/store/sweep.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');
const SAMPLE = path.join(ROOT, 'test/fixtures/sample-draft.txt');

const tmp = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-sweep-')));
/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;
/** A temporary file as writeAtomic names it, holding document text, `ageMs` old, written by `pid`. */
function leftover(dir: string, target: string, pid: number, ageMs: number): string {
  const file = path.join(dir, `.${target}.${pid}.${Date.now() - ageMs}.tmp`);
  fs.writeFileSync(file, 'Referral for Tomasz Wrzesniewski ...');
  const t = new Date(Date.now() - ageMs);
  fs.utimesSync(file, t, t);
  return file;
}
const OLD = STALE_MS * 3;

describe('temporary files an export killed mid-write left behind', () => {
  it('are swept when older than a minute and their process is gone; others are kept', () => {
    const dir = tmp();
    const stale = leftover(dir, 'out.docx', deadPid(), OLD);
    const fresh = leftover(dir, 'out.docx', deadPid(), 0); // may still be being written by a process on another machine
    const live = leftover(dir, 'out.docx', process.pid, OLD); // its writer is still running
    const other = path.join(dir, 'notes.tmp');
    fs.writeFileSync(other, 'not ours');
    fs.utimesSync(other, new Date(Date.now() - OLD), new Date(Date.now() - OLD));
    expect(sweepStaleTemps(dir)).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
    for (const f of [fresh, live, other]) expect(fs.existsSync(f), f).toBe(true);
  });

  it('beside a target are gone after the next export into that folder', () => {
    const dir = tmp();
    const stale = leftover(dir, 'report.html', deadPid(), OLD);
    const live = leftover(dir, 'report.html', process.pid, 0);
    writeAtomic(path.join(dir, 'other.txt'), 'an export');
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
  });

  it('are swept at start in the app-data folder, its own folders and the folders exported into', () => {
    const data = tmp();
    const exports = tmp();
    fs.mkdirSync(path.join(data, 'recovery'));
    rememberExportFolder(exports, data);
    expect(exportFolders(data)).toEqual([exports]);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(data, 'export-folders.json')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(data, 'export-folders.json'), 'utf8')).not.toMatch(/\.docx|\.html/);
    const gone = [leftover(data, 'history.sqlite', deadPid(), OLD), leftover(path.join(data, 'recovery'), 'abc12345.json', deadPid(), OLD), leftover(exports, 'fixed.docx', deadPid(), OLD)];
    const kept = leftover(exports, 'fixed.docx', process.pid, 0);
    expect(sweepAtStart(data)).toBe(3);
    for (const f of gone) expect(fs.existsSync(f), f).toBe(false);
    expect(fs.existsSync(kept)).toBe(true);
  });

  it('are swept by nrm-check: beside an export, and at its next start in the folders it exported into', { timeout: 60_000 }, () => {
    const data = tmp();
    const out = tmp();
    const env = { ...process.env, NRM_CHECKER_DATA_DIR: data };
    const before = leftover(out, 'report.html', deadPid(), OLD);
    const r = spawnSync(process.execPath, [BIN, 'report', SAMPLE, '--out', path.join(out, 'report.html')], { encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(before)).toBe(false);
    expect(exportFolders(data)).toEqual([out]);
    // a later export there killed mid-write; the next run of any command sweeps it
    const after = leftover(out, 'report.html', deadPid(), OLD);
    const inData = leftover(data, 'export-folders.json', deadPid(), OLD);
    spawnSync(process.execPath, [BIN, 'check', SAMPLE], { encoding: 'utf8', env });
    expect(fs.existsSync(after)).toBe(false);
    expect(fs.existsSync(inData)).toBe(false);
  });
});
