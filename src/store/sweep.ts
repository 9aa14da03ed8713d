/**
 * Left-behind temporary files (an export or a save killed mid-write may leave one holding document text) are
 * swept when a host or the CLI starts: in the app-data folder, its own folders, and the folders the CLI last
 * exported into. Those folders are remembered in `<app data>/export-folders.json` (the folders only: never
 * a file name or anything a file holds), readable by the user only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { privateDir, readTrusted, writePrivate } from '../config/trust.js';
import { sweepStaleTemps } from '../export/write.js';
import { appDataDir } from './paths.js';

const FILE = 'export-folders.json';
const FORMAT = 'nrm-referral-checker/export-folders';
/** How many export folders are remembered (the most recent). */
export const KEEP_FOLDERS = 20;

/** The export folders remembered, most recent first; none when the file is missing or not to be trusted. */
export function exportFolders(dataDir = appDataDir()): string[] {
  const got = readTrusted(path.join(dataDir, FILE));
  if (!('text' in got)) return [];
  try {
    const j = JSON.parse(got.text) as { format?: unknown; folders?: unknown };
    if (j.format !== FORMAT || !Array.isArray(j.folders)) return [];
    return j.folders.filter((f): f is string => typeof f === 'string' && path.isAbsolute(f)).slice(0, KEEP_FOLDERS);
  } catch {
    return [];
  }
}

/** Remembers that an export was written into `folder`, so a later start can sweep it. Never throws. */
export function rememberExportFolder(folder: string, dataDir = appDataDir()): void {
  const abs = path.resolve(folder);
  try {
    const known = exportFolders(dataDir);
    if (known[0] === abs) return;
    if (!privateDir(dataDir).ok) return;
    const folders = [abs, ...known.filter((f) => f !== abs)].slice(0, KEEP_FOLDERS);
    writePrivate(path.join(dataDir, FILE), JSON.stringify({ format: FORMAT, folders }));
  } catch {
    // remembering is a courtesy: the export itself has been written
  }
}

/** Sweeps the app-data folder, its own folders and the remembered export folders; returns how many files went. */
export function sweepAtStart(dataDir = appDataDir(), now = Date.now()): number {
  const dirs = [dataDir];
  try {
    for (const e of fs.readdirSync(dataDir, { withFileTypes: true })) if (e.isDirectory()) dirs.push(path.join(dataDir, e.name));
  } catch {
    return 0; // no app-data folder yet: nothing was ever written
  }
  return [...dirs, ...exportFolders(dataDir)].reduce((n, d) => n + sweepStaleTemps(d, now), 0);
}
