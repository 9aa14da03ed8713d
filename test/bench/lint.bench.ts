/**
 * `npm run bench [-- --json]`: speed of the checker, measured here and never in a test.
 *   lint_words_per_s / alex_words_per_s: the same ~1 MB of referral prose, linted cold (no cache) by each
 *     (median of three rounds, each from cold text caches)
 *   form3000_ms: a 3,000-word draft, warm process, full lint (median of 20)
 *   edit_relint_ms: re-lint after one sentence of that draft is replaced (median of 20)
 *   form_view_ms: that draft laid out as the online form with the form's own checks, as the app's form view
 *     does after each edit (median of 20)
 *   cold_check_ms: a whole `nrm-check check` process on that draft saved as .txt, the bin started with node
 *     (median of 5; test/bench/cold.ts)
 *   adversarial_2mb_ms: the slowest of the texts shaped to find quadratic work (test/fixtures/adversarial.ts),
 *     2 MB each, read and linted as a file's bytes are; a typed "too large" counts as an answer
 *   real_slowest_s / bomb_stop_s: importing every file of ../shared/corpus/real one after another: the
 *     slowest readable or broken file, and how soon the decompression bomb is stopped
 *   import_pdf_ms, import_docx_ms, import_vs_parser, audit_docs_per_s: speed at scale (test/bench/scale.ts)
 *   history17k_list_ms, history17k_search_ms: the History view's first page with its figures, and a search,
 *     over 17,000 checks in a temporary store (test/bench/history.ts)
 *   long_draft_type_max_task_ms, long_draft_accept_max_task_ms: the longest task of the app's page in
 *     Chromium while typing in, and accepting a suggestion in, a 30,000-word draft (test/bench/long-draft.ts);
 *     long_draft_type_max_task_cpu_ms, long_draft_accept_max_task_cpu_ms: the most CPU time one task of the page's
 *     main thread took then (the browser's trace; another process's load stretches wall time, not this);
 *     long_draft_type_max_input_ms, long_draft_accept_max_input_ms: the longest wait from an input to a paint then
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text as alex } from 'alex';
import { checkForm } from '../../src/form/check.js';
import { clearCaches, fromPlainText, lint, loadRules } from '../../src/index.js';
import { importBytes, importFile } from '../../src/import/index.js';
import { ADVERSARIAL } from '../fixtures/adversarial.js';
import { coldCheckMs } from './cold.js';
import { benchHistory } from './history.js';
import { benchLongDraft } from './long-draft.js';
import { benchAudit, benchImport } from './scale.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const json = process.argv.includes('--json');

/** Referral prose: the project's own fixtures, with names and numbers varied so no paragraph repeats. */
function corpus(targetChars: number): string {
  const dirs = [path.join(ROOT, 'test/fixtures'), path.join(ROOT, '../shared/corpus/dev')];
  const sources = dirs.flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(d, f), 'utf8')) : []));
  const names = ['Ana', 'Tomas', 'Leila', 'Dawit', 'Mira', 'Jonas', 'Sara', 'Ilir', 'Nadia', 'Omar', 'Eva', 'Kofi'];
  let out = '';
  for (let i = 0; out.length < targetChars; i++) {
    const src = sources[i % sources.length]!;
    out += src.replace(/\b\d{1,4}\b/g, (n) => String((Number(n) + i) % 9999)).replace(/\b(Reuben|Pim|Farid|Andris|Poppy|Kumari|Khanh|Lukas|Skye|Keith|Samuel|Juliana|Marta)\b/g, names[i % names.length]! + (i % 97)) + '\n\n';
  }
  return out;
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const rules = loadRules();
const big = corpus(1_000_000);
const bigWords = words(big);
lint(fromPlainText(big.slice(0, 20000)), rules, { cache: false }); // warm up the JIT and compromise

// Median of three rounds, each from cold text caches (as a newly opened draft), lint and alex in turn, so a
// burst of load from other processes on this shared machine lands on one round rather than on the ratio.
const lintRuns: number[] = [];
const alexRuns: number[] = [];
for (let round = 0; round < 3; round++) {
  clearCaches();
  lintRuns.push(time(() => lint(fromPlainText(big), rules, { cache: false })));
  alexRuns.push(time(() => alex(big)));
}
const lintMs = median(lintRuns);
const alexMs = median(alexRuns);

// A 3,000-word draft.
const form = (() => {
  const paras = big.split(/\n\n/);
  let s = '';
  for (const p of paras) {
    if (words(s) >= 3000) break;
    s += p + '\n\n';
  }
  return s;
})();
const formWords = words(form);
const formTimes: number[] = [];
for (let i = 0; i < 20; i++) formTimes.push(time(() => lint(fromPlainText(form), rules, { cache: false })));

// One sentence replaced, re-linted with the per-block cache warm.
lint(fromPlainText(form), rules);
const sentences = form.match(/[^.\n]{40,}\./g) ?? [];
const editTimes: number[] = [];
for (let i = 0; i < 20; i++) {
  const target = sentences[(i * 7) % sentences.length]!;
  const edited = form.replace(target, target.replace(/\w+\./, `changed${i}.`));
  editTimes.push(time(() => lint(fromPlainText(edited), rules)));
}

// The form view: mapping to the form's questions and the form's checks.
checkForm(fromPlainText(form), rules);
const formViewTimes: number[] = [];
for (let i = 0; i < 20; i++) formViewTimes.push(time(() => checkForm(fromPlainText(form), rules)));

// A whole CLI process, as a user runs it.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-bench-'));
const formFile = path.join(tmp, 'form3000.txt');
fs.writeFileSync(formFile, form);
// started directly (an installed nrm-check), not through npx, which alone costs about 0.9 s
const coldMs = coldCheckMs(formFile);
fs.rmSync(tmp, { recursive: true, force: true });

// Texts shaped to find quadratic work: 2 MB each, from bytes to findings (or a typed "too large").
const adversarial: Record<string, number> = {};
for (const [shape, make] of Object.entries(ADVERSARIAL)) {
  const bytes = Buffer.from(make(2 * 1024 * 1024), 'utf8');
  const t = performance.now();
  try {
    lint((await importBytes(bytes)).document, rules, { cache: false });
  } catch (e) {
    if ((e as { code?: string }).code !== 'too-large') throw e;
  }
  adversarial[shape] = Math.round(performance.now() - t);
}
const worstShape = Object.entries(adversarial).sort((a, b) => b[1] - a[1])[0]!;

// The real-world corpus: each file imported on its own, with the importer's own limits.
const REAL = path.resolve(ROOT, '../shared/corpus/real');
const realTimes: { file: string; s: number }[] = [];
if (fs.existsSync(path.join(REAL, 'MANIFEST.tsv'))) {
  const files = fs.readFileSync(path.join(REAL, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]!);
  for (const file of files) {
    const t = performance.now();
    await importFile(path.join(REAL, file)).catch(() => undefined);
    realTimes.push({ file, s: (performance.now() - t) / 1000 });
  }
}
// Speed at scale: the long-lived parser workers against the bare parsers; a 1,000-draft audit.
const DEV = path.resolve(ROOT, '../shared/corpus/dev');
const scale = fs.existsSync(DEV) ? { ...(await benchImport(DEV)), ...(await benchAudit(DEV, 1000)) } : undefined;

const history = await benchHistory();
const longDraft = await benchLongDraft();

const bomb = realTimes.find((r) => r.file.includes('bomb'));
const slowest = realTimes.filter((r) => r !== bomb).sort((a, b) => b.s - a.s)[0];

const result = {
  lint_words_per_s: Math.round((bigWords / lintMs) * 1000),
  alex_words_per_s: Math.round((bigWords / alexMs) * 1000),
  ratio_vs_alex: Number((alexMs / lintMs).toFixed(2)),
  form3000_ms: Number(median(formTimes).toFixed(2)),
  edit_relint_ms: Number(median(editTimes).toFixed(2)),
  form_view_ms: Number(median(formViewTimes).toFixed(2)),
  cold_check_ms: coldMs,
  adversarial_2mb_ms: worstShape[1],
  real_slowest_s: slowest ? Number(slowest.s.toFixed(1)) : null,
  bomb_stop_s: bomb ? Number(bomb.s.toFixed(1)) : null,
  import_pdf_ms: scale?.import_pdf_ms ?? null,
  import_docx_ms: scale?.import_docx_ms ?? null,
  import_vs_parser: scale?.import_vs_parser ?? null,
  audit_docs_per_s: scale?.audit_docs_per_s ?? null,
  ...history,
  long_draft_type_max_task_ms: longDraft?.long_draft_type_max_task_ms ?? null,
  long_draft_type_max_input_ms: longDraft?.long_draft_type_max_input_ms ?? null,
  long_draft_accept_max_task_ms: longDraft?.long_draft_accept_max_task_ms ?? null,
  long_draft_accept_max_input_ms: longDraft?.long_draft_accept_max_input_ms ?? null,
  long_draft_type_max_task_cpu_ms: longDraft?.long_draft_type_max_task_cpu_ms ?? null,
  long_draft_accept_max_task_cpu_ms: longDraft?.long_draft_accept_max_task_cpu_ms ?? null,
};

if (json) {
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  const rows: [string, string][] = [
    ['text linted', `${bigWords.toLocaleString('en-GB')} words (${(big.length / 1e6).toFixed(2)} MB)`],
    ['nrm-check lint', `${result.lint_words_per_s.toLocaleString('en-GB')} words/s (${lintMs.toFixed(0)} ms)`],
    ['alex, same text', `${result.alex_words_per_s.toLocaleString('en-GB')} words/s (${alexMs.toFixed(0)} ms)`],
    ['ratio vs alex', `${result.ratio_vs_alex}x (target >= 10)`],
    [`form (${formWords} words)`, `${result.form3000_ms} ms median (target <= 10)`],
    ['edit + re-lint', `${result.edit_relint_ms} ms median (target <= 2)`],
    ['as the NRM form', `${result.form_view_ms} ms median (target <= 100)`],
    ['cold CLI check', `${result.cold_check_ms} ms median (target <= 500)`],
    ['adversarial 2 MB', `${result.adversarial_2mb_ms} ms, slowest (${worstShape[0]}; target <= 2000)`],
    ['real corpus, slowest', slowest ? `${result.real_slowest_s} s (${slowest.file}; target <= 30)` : 'corpus not found'],
    ['bomb stopped in', bomb ? `${result.bomb_stop_s} s (target <= 10)` : 'corpus not found'],
    ['import PDF / DOCX', scale ? `${result.import_pdf_ms} / ${result.import_docx_ms} ms median a file, warm` : 'corpus not found'],
    ['import vs parser', scale ? `${result.import_vs_parser}x the bare parsers (target <= 2)` : 'corpus not found'],
    ['history 17k: list', `${result.history17k_list_ms} ms median (target <= 100)`],
    ['history 17k: search', `${result.history17k_search_ms} ms median (target <= 100)`],
    ['long draft: typing', longDraft ? `${result.long_draft_type_max_task_ms} ms longest task (target <= 50), ${result.long_draft_type_max_input_ms} ms slowest input to paint, ${result.long_draft_type_max_task_cpu_ms} ms most CPU in one task; medians of 3` : 'skipped (no Chromium or no built renderer)'],
    ['long draft: accept', longDraft ? `${result.long_draft_accept_max_task_ms} ms longest task (target <= 50), ${result.long_draft_accept_max_input_ms} ms slowest input to paint, ${result.long_draft_accept_max_task_cpu_ms} ms most CPU in one task; medians of 3` : 'skipped (no Chromium or no built renderer)'],
    ['audit, 1,000 drafts', scale ? `${result.audit_docs_per_s} drafts/s (target >= 35; ${scale.audit_errors} unreadable)` : 'corpus not found'],
  ];
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(22)} ${v}\n`);
}
