/**
 * The PDF quality report prints people's and places' names as written, in Latin Extended, Greek and Cyrillic:
 * read back with pdf.js, rendered by poppler, small enough to e-mail, and a character its fonts cannot show is
 * listed in the report, never dropped or turned into "?".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDraft } from '../../src/draft/draft.js';
import { reportFile } from '../../src/draft/outputs.js';
import { builtInRules } from '../helpers.js';

/** One sentence per language, each with a finding in it, so the report prints it. */
const SENTENCES = [
  'Nguyễn Thị Hương claims that she was taken from Đà Nẵng to London in a lorry.',
  'Łukasz Wiśniewski apparently worked in Łódź for a man who kept his passport.',
  'Ștefan Țurcanu claims a man in Brașov promised him farm work in England.',
  'Arbër Çelaj allegedly owed money to a man from Shkodër who threatened his family.',
  'Jiří Dvořák claims he was locked in a flat after he arrived from Ústí.',
  'Žydrūnė Šliūpaitė apparently left Šiauliai with a woman who offered her a job.',
  'Γιώργος Παπαδόπουλος claims he was recruited in Θεσσαλονίκη by a man he met online.',
  'Дмитрий Соколов claims his documents were taken by a man in Санкт-Петербург.',
];
const NAMES = ['Nguyễn Thị Hương', 'Đà Nẵng', 'Łukasz Wiśniewski', 'Łódź', 'Ștefan Țurcanu', 'Brașov', 'Arbër Çelaj', 'Shkodër', 'Jiří Dvořák', 'Ústí', 'Žydrūnė Šliūpaitė', 'Šiauliai', 'Γιώργος Παπαδόπουλος', 'Θεσσαλονίκη', 'Дмитрий Соколов', 'Санкт-Петербург'];

const pdftoppm = spawnSync('which', ['pdftoppm']).status === 0;
const checker = { rules: builtInRules() };

async function reportOfText(text: string, name = 'referral.txt') {
  const draft = await openDraft({ name, original: null, text, accepted: [], dismissed: [] }, checker).ready();
  return reportFile(draft, 'pdf', { maskNames: false });
}

/** The text pdf.js reads from a PDF, pages and lines joined by line breaks. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep, isEvalSupported: false, useSystemFonts: false }).promise;
  let out = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const tc = await (await doc.getPage(n)).getTextContent();
    for (const it of tc.items) if ('str' in it) out += it.str + (it.hasEOL ? '\n' : '');
    out += '\n';
  }
  await doc.destroy();
  return out;
}

const words = (s: string) => s.replace(/\s+/g, ' ');
const count = (s: string, ch: string) => s.split(ch).length - 1;

describe('the PDF report', () => {
  it('prints every name exactly as written, in Latin Extended, Greek and Cyrillic, with no "?" the draft does not hold', async () => {
    const made = await reportOfText(SENTENCES.join('\n'));
    expect(made.model.findings.length).toBeGreaterThanOrEqual(SENTENCES.length);
    const text = words(await pdfText(made.bytes));
    for (const name of NAMES) expect(text, name).toContain(name);
    // the only question marks are the report's own (the questions for missing elements)
    expect(count(text, '?')).toBe(count(JSON.stringify(made.model), '?'));
    expect(text).not.toContain('□');
    expect(text).not.toMatch(/cannot be shown/);
    // each finding in its sentence, the flagged word as written
    expect(text).toContain('“Ștefan Țurcanu claims a man in Brașov promised him farm work in England.”');
  });

  it('renders with poppler to a page that is not blank', async (ctx) => {
    if (!pdftoppm) ctx.skip('pdftoppm (poppler-utils) is not installed: install it to check that poppler renders the report');
    const made = await reportOfText(SENTENCES.join('\n'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-pdf-'));
    try {
      fs.writeFileSync(path.join(dir, 'report.pdf'), made.bytes);
      const run = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path.join(dir, 'report.pdf'), path.join(dir, 'page')], { encoding: 'utf8', timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe(''); // poppler reports broken fonts or streams here
      const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'));
      expect(png).toBeDefined();
      // a blank page compresses to almost nothing; printed text does not
      expect(fs.statSync(path.join(dir, png!)).size).toBeGreaterThan(5_000);
      // kept beside the end-to-end screenshots, for a person to look at
      const shots = path.resolve(import.meta.dirname, '../../test-results/screenshots');
      fs.mkdirSync(shots, { recursive: true });
      fs.copyFileSync(path.join(dir, png!), path.join(shots, 'report-pdf-poppler.png'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays under 300 KB for a 3,000-word draft, numbered page by page', async () => {
    const filler = 'He said the work started at six and finished late, and the van came every morning to the same corner.';
    const paras: string[] = [];
    for (let i = 0; paras.join(' ').split(/\s+/).length < 3000; i++) paras.push(`${SENTENCES[i % SENTENCES.length]} ${filler} ${filler}`);
    const made = await reportOfText(paras.join('\n\n'));
    expect(made.bytes.length).toBeLessThan(300 * 1024);
    const text = await pdfText(made.bytes);
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('lists a character its fonts cannot show (Ethiopic, Chinese) and prints a placeholder in its place', async () => {
    // Ethiopic in the draft's name (the report's title), Chinese in a finding's sentence
    const made = await reportOfText('Selam Tesfaye claims that she was taken from 王村 to London in a lorry.', 'ሰላም.txt');
    expect(made.model.findings.map((f) => f.excerpt)).toContain('claims');
    const text = words(await pdfText(made.bytes));
    expect(text).toContain('□□□.txt · checked');
    expect(text).toContain('“Selam Tesfaye claims that she was taken from □□ to London in a lorry.”');
    expect(text).toMatch(/cannot be shown in this PDF's font .*U\+1230, U\+120B, U\+121D, U\+738B, U\+6751/);
    expect(count(text, '?')).toBe(count(JSON.stringify(made.model), '?'));
  });

  it('sets the document title to the report and the draft', async () => {
    const made = await reportOfText(SENTENCES[0]!, 'Łódź referral.txt');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(made.bytes), verbosity: 0, isEvalSupported: false }).promise;
    const meta = await doc.getMetadata();
    await doc.destroy();
    expect((meta.info as { Title?: string }).Title).toBe('Referral quality report: Łódź referral.txt');
  });
});
