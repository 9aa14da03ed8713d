/**
 * One draft, one truth: for each dev draft as .docx and .pdf, open it in the app, accept one finding and
 * dismiss another with a reason; then the score and the open findings are the same in the app, the HTML
 * report, the PDF report, the history entry and `nrm-check report` run on the same decisions. The form view
 * answers every question as `nrm-check form` does on the same file, a Word table of the form's questions
 * included.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFile } from '../../src/import/index.js';
import { writePromptTable } from '../fixtures/prompt-table.js';
import { ROOT, useAppHost } from './host.js';

const DEV = path.resolve(ROOT, '../shared/corpus/dev');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');
const { openApp, host } = useAppHost();
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-one-truth-'));
const drafts = fs.existsSync(DEV) ? fs.readdirSync(DEV).filter((f) => /^d\d+\.(docx|pdf)$/.test(f)).sort() : [];

test.skip(!drafts.length, 'needs ../shared/corpus/dev');
test.setTimeout(15 * 60_000);

/** Calls the host's API as the app does (the token is in the app's URL). */
async function api<T>(method: string, input: unknown): Promise<T> {
  const { url, origin } = host();
  const token = new URL(url).hash.replace('#token=', '');
  const r = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-nrm-token': token }, body: JSON.stringify(input) });
  const j = (await r.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!j.ok) throw new Error(`${method}: ${j.error?.message}`);
  return j.value;
}

async function download(page: Page, testid: string): Promise<Buffer> {
  const wait = page.waitForEvent('download');
  await page.getByTestId(testid).click();
  const d = await wait;
  const file = path.join(TMP, `${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return fs.readFileSync(file);
}

/** The score a report gives: "<b>85</b>/100" in HTML, "Score: 85/100" in the PDF's text. */
const scoreIn = (text: string) => Number(/(\d{1,3})(?:<\/b>)?\s*\/\s*100\b/.exec(text)?.[1] ?? NaN);

test('the app, the reports, the history and the CLI agree on the score and the open findings', async ({ page }) => {
  await openApp(page);
  for (const name of drafts) {
    const file = path.join(DEV, name);
    await page.getByTestId('open-file').setInputFiles(file);
    await expect(page.locator('p[role="status"]').first()).toContainText(`${name} opened`);
    const findings = page.getByTestId('finding');
    const total = await findings.count();
    // accept the first finding that has a suggestion, and dismiss the next one with a reason
    let acted = 0;
    const accept = page.getByTestId('finding').getByTestId('accept').first();
    if (total > 0 && (await accept.count())) {
      await accept.click();
      await expect(findings).toHaveCount(total - 1);
      acted++;
    }
    const left = await findings.count();
    if (left > 0) {
      const f = findings.first();
      await f.getByTestId('dismiss').click();
      await f.getByTestId('dismiss-reason').fill('Explained elsewhere in the file');
      await f.getByTestId('dismiss-confirm').click();
      await expect(findings).toHaveCount(left - 1);
      acted++;
    }

    // the app: its score and open findings, once the core has answered for these decisions
    const appOpen = async () => (await findings.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')!))).sort();
    const appScore = async () => Number((await page.getByTestId('score').locator('.total').getAttribute('aria-label'))!.match(/(\d+) out of/)![1]);
    // the work as the app keeps it (saved a moment after each change): the decisions for the CLI
    let work: { text?: string; accepted: unknown[]; dismissed: unknown[] } = { accepted: [], dismissed: [] };
    if (acted)
      await expect(async () => {
        const kept = await api<{ kept: { id: string; name: string }[] }>('recoveryList', {});
        const mine = kept.kept.find((k) => k.name === name);
        expect(mine, `${name}: kept work`).toBeDefined();
        work = (await api<{ work: typeof work }>('recoveryGet', { id: mine!.id })).work;
        expect(work.accepted.length + work.dismissed.length).toBe(acted);
      }).toPass({ timeout: 15_000 });
    const open = await appOpen();
    const score = await appScore();

    // the HTML and PDF reports, exported from the app
    if (!(await page.locator('#export-panel').isVisible())) await page.getByRole('button', { name: 'Export…' }).click();
    const html = (await download(page, 'export-report-html')).toString('utf8');
    expect(scoreIn(html), `${name}: HTML report`).toBe(score);
    expect((html.match(/>Open</g) ?? []).length, `${name}: open findings in the HTML report`).toBe(open.length);
    const pdfFile = path.join(TMP, `${name}-report.pdf`);
    fs.writeFileSync(pdfFile, await download(page, 'export-report-pdf'));
    const pdfText = (await importFile(pdfFile)).document.text;
    expect(scoreIn(pdfText), `${name}: PDF report`).toBe(score);
    expect((pdfText.match(/Decision: Open/g) ?? []).length, `${name}: open findings in the PDF report`).toBe(open.length);

    // the history entry
    await expect(async () => {
      const list = await api<{ checks: { id: number; fileName: string; score: number }[] }>('historyList', {});
      const entry = list.checks.find((c) => c.fileName === name)!;
      expect(entry.score, `${name}: history`).toBe(score);
      const detail = await api<{ findings: { rule: string; decision: string }[] }>('historyGet', { id: entry.id });
      expect(detail.findings.filter((f) => f.decision === 'open').map((f) => f.rule).sort(), `${name}: history open findings`).toEqual(open);
    }).toPass({ timeout: 15_000 });

    // the CLI on the same file and the same decisions
    const decisions = path.join(TMP, `${name}.json`);
    fs.writeFileSync(decisions, JSON.stringify(work));
    const out = path.join(TMP, `${name}-cli.html`);
    const r = spawnSync(process.execPath, [BIN, 'report', file, '--decisions', decisions, '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Score ${score}/100, ${open.length} open finding`);
    expect((fs.readFileSync(out, 'utf8').match(/>Open</g) ?? []).length).toBe(open.length);
  }
});

/** The form view's answers in the app: question id → answer text. */
async function formAnswers(page: Page): Promise<Record<string, string>> {
  await page.getByTestId('as-form').click();
  const view = page.getByTestId('form-view');
  await expect(view.getByTestId('form-section').first()).toBeVisible();
  const out = await view.getByTestId('form-question').evaluateAll((els) => els.map((e) => [e.getAttribute('data-question')!, e.querySelector('[data-testid="form-answer"]')!.textContent!.trim()]));
  await page.getByTestId('as-form').click();
  return Object.fromEntries(out);
}

function cliAnswers(file: string): Record<string, string> {
  const r = spawnSync(process.execPath, [BIN, 'form', file, '--format', 'json'], { encoding: 'utf8' });
  const j = JSON.parse(r.stdout) as { sections: { questions: { id: string; text: string }[] }[] };
  return Object.fromEntries(j.sections.flatMap((s) => s.questions.map((q) => [q.id, q.text.trim()])));
}

test('the form view answers each question as nrm-check form does, a Word table of the questions included', async ({ page }) => {
  const table = await writePromptTable(TMP);
  await openApp(page);
  for (const file of [table, ...['d01.docx', 'd06.pdf', 'd10.docx'].map((f) => path.join(DEV, f))]) {
    await page.getByTestId('open-file').setInputFiles(file);
    await expect(page.locator('p[role="status"]').first()).toContainText(`${path.basename(file)} opened`);
    const app = await formAnswers(page);
    expect(app, path.basename(file)).toEqual(cliAnswers(file));
    if (file === table) expect(Object.keys(app).sort()).toEqual(['how-started', 'interview', 'last-contact', 'still-there-or-left']);
  }
});
