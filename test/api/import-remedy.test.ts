/**
 * The app's messages are written for the app (issue 17): an import error says what may open the file as a
 * remedy the app offers in its own terms (a password box, a text-recognition button), never a command-line
 * flag, and a protected Word file that no password opens offers no password box. The command line says the
 * same remedies as its flags.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/api/handlers.js';
import { builtInRules } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REAL = path.resolve(ROOT, '../shared/corpus/real');
const LOCKED_PDF = path.join(REAL, 'pdf/pdfplumber-password-example.pdf');
const LOCKED_DOCX = path.join(REAL, 'docx/poi-password-is-pass.docx');
const SCAN = path.join(REAL, 'pdf/sample-files-grayscale-image.pdf');

const b64 = (f: string) => fs.readFileSync(f).toString('base64');

describe.skipIf(!fs.existsSync(LOCKED_PDF))('import errors as the app and the command line say them', () => {
  const h = createHandlers(builtInRules(), {});

  it('a protected PDF: a password may open it; the message names no flag', async () => {
    const r = await h.importDocument({ name: 'locked.pdf', data: b64(LOCKED_PDF) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'encrypted', remedy: 'password' });
    expect(r.error.message).not.toMatch(/--|command line/);
    const wrong = await h.importDocument({ name: 'locked.pdf', data: b64(LOCKED_PDF), password: 'nope' });
    expect(!wrong.ok && wrong.error).toMatchObject({ code: 'encrypted', remedy: 'password' });
  });

  it('a protected Word file: nothing the app can offer opens it, so no password box', async () => {
    const r = await h.importDocument({ name: 'locked.docx', data: b64(LOCKED_DOCX) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('encrypted');
    expect(r.error.remedy).toBeUndefined();
  });

  it('a scanned PDF: text recognition may read it; the message names no flag', async () => {
    const r = await h.importDocument({ name: 'scan.pdf', data: b64(SCAN) });
    expect(!r.ok && r.error).toMatchObject({ code: 'no-text-layer', remedy: 'ocr' });
    expect(!r.ok && r.error.message).not.toMatch(/--|command line/);
  });

  it('the command line gives the same remedies as its flags', () => {
    const run = (f: string) => spawnSync(process.execPath, [path.join(ROOT, 'src/cli/bin.mjs'), 'check', f, '--format', 'json'], { encoding: 'utf8' });
    const locked = run(LOCKED_PDF);
    expect(locked.stderr).toMatch(/Use --password PASSWORD\./);
    expect(JSON.parse(locked.stdout).error.message).toMatch(/Use --password PASSWORD\./);
    expect(run(SCAN).stderr).toMatch(/Use --ocr\./);
    expect(run(LOCKED_DOCX).stderr).not.toMatch(/--password|--ocr/);
  }, 60_000);
});
