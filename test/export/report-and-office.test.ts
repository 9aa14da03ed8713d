import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromPlainText, lint } from '../../src/index.js';
import { buildDocx } from '../../src/export/docx.js';
import { reportPdf } from '../../src/export/pdf.js';
import { reportHtml, reportModel } from '../../src/export/report.js';
import { importBytes } from '../../src/import/index.js';
import { builtInRules } from '../helpers.js';

const SAMPLE = path.resolve(import.meta.dirname, '../fixtures/sample-draft.txt');
const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('which', [c]).status === 0);

function model(maskNames?: boolean) {
  const document = fromPlainText(fs.readFileSync(SAMPLE, 'utf8'));
  const result = lint(document, builtInRules());
  const decisions = result.findings.map((f) =>
    f.rule === 'disbelief/claims' ? { kind: 'accepted' as const, suggestion: f.suggestions[0]! } : f.rule === 'jargon/acronyms' ? { kind: 'dismissed' as const, reason: 'Quoted from the log' } : { kind: 'open' as const },
  );
  return { document, result, m: reportModel({ title: 'sample-draft.txt', document, result, rules: builtInRules(), maskNames, decisions }) };
}

describe('quality report', () => {
  it('is one self-contained HTML file: no script, no external asset', () => {
    const html = reportHtml(model().m);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
  });

  it('shows the score, each finding with its excerpt, decision, rationale and source, the missing elements and the subject', () => {
    const { m, result } = model();
    const html = reportHtml(m);
    expect(html).toContain(`<b>${m.score}</b>/100`);
    expect(html).toContain('Accepted: “states”');
    expect(html).toContain('Dismissed: Quoted from the log');
    expect(html.match(/<li><p><span class="cat">/g)).toHaveLength(result.findings.length);
    expect(html).toContain('First Responder Toolkit');
    expect(html).toContain('<b>Consent</b>'); // the label the app shows, not the rule's name
    expect(html).toContain('An adult, age 34 (the draft says “aged 34”)');
  });

  it('masks people’s names by default and keeps them when asked', () => {
    const document = fromPlainText('Marta told me she was locked in at the farm in Boston. I do not believe Marta was locked in.');
    const result = lint(document, builtInRules());
    const masked = reportHtml(reportModel({ title: 'x', document, result, rules: builtInRules() }));
    expect(masked).toContain('I do not believe M. was locked in.');
    expect(reportHtml(model().m)).toContain('I do not believe she was locked in'); // pronouns are not names
    expect(masked).not.toMatch(/Marta/);
    expect(masked).toContain('names masked');
    expect(reportHtml(reportModel({ title: 'x', document, result, rules: builtInRules(), maskNames: false }))).toContain('I do not believe Marta was locked in.');
  });

  it('makes a PDF that a PDF reader opens, with the same content', async () => {
    const pdf = await reportPdf(model().m);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const back = await importBytes(pdf);
    expect(back.document.text).toMatch(/Referral quality report/);
    expect(back.document.text).toMatch(/Score: ?\d+\/100/);
    expect(back.document.text).toMatch(/“[^”]*claims[^”]*”/); // the flagged words, in their sentence
    expect(back.document.text).toContain('Accepted: “states”');
    expect(back.document.text).not.toMatch(/Marta/);
  });
});

describe.skipIf(!soffice)('LibreOffice opens both DOCX modes', () => {
  it.each(['clean', 'tracked'] as const)('converts the %s export to PDF without error', async (mode) => {
    const doc = fromPlainText(fs.readFileSync(SAMPLE, 'utf8'));
    const r = lint(doc, builtInRules());
    const edits = r.findings.filter((f) => f.suggestions.length).map((f) => ({ start: f.start, end: f.end, replacement: f.suggestions[0]! }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-lo-'));
    const file = path.join(dir, `${mode}.docx`);
    fs.writeFileSync(file, await buildDocx(doc, edits, { mode, comments: [{ start: 0, end: 5, text: 'A comment' }], appendix: r.missing.map((m) => ({ element: m.element, question: m.question })) }));
    const run = spawnSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const pdf = path.join(dir, `${mode}.pdf`);
    expect(fs.existsSync(pdf)).toBe(true);
    const back = await importBytes(fs.readFileSync(pdf));
    expect(back.document.text).toContain(mode === 'clean' ? 'She states that a man' : 'She');
    expect(back.document.text).toContain('Indicators observed');
  }, 150_000);
});
