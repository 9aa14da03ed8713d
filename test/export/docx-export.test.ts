import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { fromPlainText, lint } from '../../src/index.js';
import { buildDocx } from '../../src/export/docx.js';
import { importBytes, importFile } from '../../src/import/index.js';
import { applySuggestions } from '../../src/rewrite/apply.js';
import { builtInRules } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEV = path.resolve(ROOT, '../shared/corpus/dev');
const drafts = fs.existsSync(DEV) ? fs.readdirSync(DEV).filter((f) => /^d\d+\.(txt|docx)$/.test(f)).sort() : [];
/** Text with whitespace collapsed and list markers dropped (a DOCX holds bullets as formatting, not text). */
const squash = (s: string) => s.replace(/^[ \t]*[-*•][ \t]+/gm, '').replace(/\s+/g, ' ').trim();

async function fixed(file: string, mode: 'clean' | 'tracked') {
  const { document } = await importFile(file);
  const before = lint(document, builtInRules());
  const applied = before.findings.filter((f) => f.suggestions.length);
  const edits = applied.map((f) => ({ start: f.start, end: f.end, replacement: f.suggestions[0]! }));
  const bytes = await buildDocx(document, edits, { mode });
  return { document, applied, edits, bytes, expected: applySuggestions(document.text, edits) };
}

describe.skipIf(!drafts.length)('fix round trip on every dev draft', () => {
  it.each(drafts)('%s: the applied findings are gone and the rest of the text is unchanged', async (name) => {
    const { applied, bytes, expected } = await fixed(path.join(DEV, name), 'clean');
    const again = await importBytes(bytes);
    expect(squash(again.document.text)).toBe(squash(expected.text));
    const after = lint(again.document, builtInRules());
    for (const f of applied) {
      // No finding of the same rule on the rewritten words.
      const rewritten = squash(expected.text.slice(expected.mapOffset(f.start), expected.mapOffset(f.end) + f.suggestions[0]!.length));
      expect(after.findings.filter((g) => g.rule === f.rule && rewritten.includes(squash(g.excerpt)) && g.excerpt === f.excerpt), `${name}: ${f.excerpt}`).toEqual([]);
    }
    expect(after.findings.map((g) => g.excerpt)).toEqual([]);
  });
});

describe('DOCX export', () => {
  const text = 'Account\n\nShe claims that the man took her passport. Apparently, she was scared.\n\n- Passport taken.\n- Debt of £500.';

  it('writes real revisions in tracked mode, with author and date', async () => {
    const doc = fromPlainText(text);
    const r = lint(doc, builtInRules(), { subject: { isChild: false } });
    const edits = r.findings.map((f) => ({ start: f.start, end: f.end, replacement: f.suggestions[0]! }));
    const bytes = await buildDocx(doc, edits, { mode: 'tracked', author: 'Test', date: new Date('2026-01-02T03:04:05Z') });
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Test" w:date="2026-01-02T03:04:05/);
    expect(xml).toMatch(/<w:delText[^>]*>claims<\/w:delText>/);
    expect(xml).toMatch(/<w:ins [^>]*><w:r><w:t[^>]*>states<\/w:t>/);
    const settings = await (await JSZip.loadAsync(bytes)).file('word/settings.xml')!.async('string');
    expect(settings).toMatch(/trackRevisions/);
  });

  it('keeps headings and lists, and the clean text read back with mammoth equals the applied text', async () => {
    const doc = fromPlainText(text);
    const r = lint(doc, builtInRules(), { subject: { isChild: false } });
    const edits = r.findings.map((f) => ({ start: f.start, end: f.end, replacement: f.suggestions[0]! }));
    const bytes = await buildDocx(doc, edits, { mode: 'clean' });
    const raw = await mammoth.extractRawText({ buffer: bytes });
    expect(squash(raw.value)).toBe(squash(applySuggestions(doc.text, edits).text));
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    expect(html).toMatch(/<h2>Account<\/h2>/);
    expect(html).toMatch(/<ul><li>Passport taken\.<\/li><li>Debt of £500\.<\/li><\/ul>/);
    expect(html).toContain('She states that the man took her passport. She was scared.');
  });

  it('can add open findings as comments and an appendix of missing elements', async () => {
    const doc = fromPlainText('She claims the man was her boss.');
    const bytes = await buildDocx(doc, [], { mode: 'clean', comments: [{ start: 4, end: 10, text: 'Write states.' }], appendix: [{ element: 'when', question: 'When did it happen?' }] });
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('word/comments.xml')!.async('string')).toContain('Write states.');
    const again = await importBytes(bytes);
    expect(again.document.text).toContain('When did it happen?');
    expect(lint(again.document, builtInRules()).missing.map((m) => m.element)).toContain('when'); // the appendix is not content
  });
});

describe('never lose the original', () => {
  const BIN = path.join(ROOT, 'src/cli/bin.mjs');
  const sample = path.join(ROOT, 'test/fixtures/sample-draft.txt');

  it('leaves the input bytes unchanged and refuses to overwrite it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-fix-'));
    const input = path.join(dir, 'draft.txt');
    fs.copyFileSync(sample, input);
    const hash = () => createHash('sha256').update(fs.readFileSync(input)).digest('hex');
    const h = hash();
    const exports = [
      ['fix', input, '--out', path.join(dir, 'out.docx')],
      ['fix', input, '--out', path.join(dir, 'out.docx'), '--tracked'],
      ['fix', input, '--out', path.join(dir, 'out.docx'), '--allow-deletions', '--comments', '--appendix'],
      ['report', input, '--out', path.join(dir, 'report.html')],
      ['report', input, '--out', path.join(dir, 'report.pdf')],
    ];
    for (const args of exports) {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(hash()).toBe(h);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['draft.txt', 'out.docx', 'report.html', 'report.pdf']); // no temporary files left
    const docx = path.join(dir, 'draft.docx');
    fs.copyFileSync(path.join(dir, 'out.docx'), docx);
    const before = fs.readFileSync(docx);
    const r = spawnSync(process.execPath, [BIN, 'fix', docx, '--out', docx], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Refusing to overwrite the original/);
    expect(fs.readFileSync(docx).equals(before)).toBe(true);
  });

  it.skipIf(process.getuid?.() !== 0)('fails clearly, leaving no partial file, when the folder is read-only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-ro-'));
    fs.chmodSync(dir, 0o755);
    const input = path.join(dir, 'draft.txt');
    fs.copyFileSync(sample, input);
    fs.chmodSync(input, 0o644);
    const ro = path.join(dir, 'readonly');
    fs.mkdirSync(ro, { mode: 0o555 });
    fs.chmodSync(ro, 0o555);
    // root ignores folder permissions, so the export runs as an unprivileged user
    const r = spawnSync(process.execPath, [BIN, 'fix', input, '--out', path.join(ro, 'out.docx')], {
      encoding: 'utf8',
      uid: 65534,
      gid: 65534,
      cwd: dir,
      env: { ...process.env, HOME: dir, NRM_CHECK_CACHE_DIR: path.join(os.tmpdir(), 'nrm-cache-nobody'), TMPDIR: os.tmpdir() },
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/read-only or you do not have permission/);
    expect(fs.readdirSync(ro)).toEqual([]);
  });
});
