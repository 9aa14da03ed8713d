/**
 * The parser workers live across files (issue 16): a file costs its parsing, not a new thread and a parser
 * loaded again; yet each file keeps its own time and memory limits, and a worker stopped mid-file is replaced
 * so the next file still imports.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/errors.js';
import { importBytes, importFile } from '../../src/import/index.js';
import { ParserPool, parsers } from '../../src/import/isolate.js';
import { makeDocx, para } from './make-docx.js';

const DEV = path.resolve(import.meta.dirname, '../../../shared/corpus/dev');
const dev = (ext: string) =>
  fs
    .readdirSync(DEV)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(DEV, f));

async function refusal(p: Promise<unknown>): Promise<ImportError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

const PDF_WORKER = new URL('../../src/import/pdf-worker.mjs', import.meta.url);

afterAll(() => parsers.close());

describe('long-lived parser workers', () => {
  it('reads many PDFs and Word files with one worker per parser, each file giving the same text as alone', async () => {
    await parsers.close();
    const before = parsers.info().started;
    const files = [...dev('.pdf').slice(0, 4), ...dev('.docx').slice(0, 4)];
    const first = [];
    for (const f of files) first.push((await importFile(f)).document.text);
    const again = [];
    for (const f of [...files].reverse()) again.push((await importFile(f)).document.text);
    // two workers (pdf.js, mammoth) for 16 files, each file read the same whatever came before it
    expect(parsers.info().started - before).toBe(2);
    expect(again.reverse()).toEqual(first);
    for (const t of first) expect(t.length).toBeGreaterThan(200);
  }, 60_000);

  it('stops a file past its time limit, replaces the worker, and the next file imports', async () => {
    const pdf = dev('.pdf')[0]!;
    await importFile(pdf); // the worker is up and warm
    const started = parsers.info().started;
    const e = await refusal(importFile(pdf, { timeoutMs: 1 }));
    expect(e.code).toBe('timeout');
    const next = await importFile(pdf);
    expect(next.document.text).toMatch(/\w{4,}/);
    expect(parsers.info().started).toBe(started + 1);
  }, 60_000);

  it('answers a Word file past its memory limit as too large, and the next Word file still imports', async () => {
    const big = await makeDocx(para('He was told he owed money for the journey and could not leave the house. '.repeat(30)).repeat(6_000));
    const e = await refusal(importBytes(big, { limits: { timeoutMs: 60_000, maxMemoryMb: 24 }, size: { maxChars: 1e9, maxBlocks: 1e9, maxMarkup: 1e9, maxFindings: 1e9 } }));
    expect(e.code).toBe('too-large');
    const next = await importFile(dev('.docx')[0]!);
    expect(next.format).toBe('docx');
    expect(next.document.text).toMatch(/\w{4,}/);
  }, 120_000);

  it('ends a job whose worker is stopped mid-file with a typed error; the pool starts a new one for the next', async () => {
    const pool = new ParserPool();
    const bytes = new Uint8Array(fs.readFileSync(dev('.pdf')[1]!));
    const job = pool.run(PDF_WORKER, { data: bytes, maxPages: 500 });
    const stopped = pool.close();
    const e = await refusal(job);
    expect(e.code).toBe('malformed');
    await stopped;
    const reply = await pool.run<{ pages: unknown[] }>(PDF_WORKER, { data: bytes, maxPages: 500 });
    expect(reply.pages.length).toBeGreaterThan(0);
    expect(pool.info().started).toBe(2);
    await pool.close();
  }, 60_000);

  it('retires a worker after its quota of files, so nothing a parser keeps can build up', async () => {
    const pool = new ParserPool(3);
    const bytes = new Uint8Array(fs.readFileSync(dev('.pdf')[2]!));
    for (let i = 0; i < 7; i++) await pool.run(PDF_WORKER, { data: bytes, maxPages: 500 });
    expect(pool.info()).toMatchObject({ started: 3, jobs: 7 });
    await pool.close();
  }, 60_000);

  it('lets a process that imported files end by itself: idle workers keep nothing alive', () => {
    const mod = new URL('../../src/import/index.ts', import.meta.url).href;
    const script = `const { importFile } = await import(${JSON.stringify(mod)}); for (const f of ${JSON.stringify([dev('.pdf')[0], dev('.docx')[0]])}) await importFile(f); console.log('imported');`;
    // a process kept alive by its parser workers would be stopped by the time limit (a hang, not a timing)
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('imported');
  }, 90_000);

  it('runs jobs for one worker one after another, each with its own answer', async () => {
    const pool = new ParserPool();
    const files = dev('.pdf').slice(0, 5);
    const replies = await Promise.all(files.map((f) => pool.run<{ pages: { items: { s: string }[] }[] }>(PDF_WORKER, { data: new Uint8Array(fs.readFileSync(f)), maxPages: 500 })));
    const texts = replies.map((r) => r.pages.flatMap((p) => p.items.map((i) => i.s)).join(' '));
    expect(new Set(texts).size).toBe(files.length);
    for (const [i, f] of files.entries()) expect((await importFile(f)).document.text.slice(0, 30).split(/\s+/)[0]).toBe(texts[i]!.trim().split(/\s+/)[0]);
    expect(pool.info().started).toBe(1);
    await pool.close();
  }, 60_000);
});
