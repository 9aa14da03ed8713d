/**
 * Everything made from a draft, written once: the quality report (HTML and PDF), the cleaned or tracked DOCX,
 * the form view and the form-ready export, and the history entry. The CLI, the API and the audit call these,
 * so a score, an open finding or a form answer is the same wherever it is shown.
 */
import { buildDocx, type DocxExportOptions } from '../export/docx.js';
import { reportPdf } from '../export/pdf.js';
import { reportHtml, reportModel, type Decision, type ReportModel } from '../export/report.js';
import { acceptedRuns } from '../export/sentence.js';
import { answerFindings } from '../form/answer-findings.js';
import { checkForm, type FormCheckResult } from '../form/check.js';
import { formBoxes, formDocx, formText } from '../form/export.js';
import { loadForm } from '../form/form.js';
import { pieceKey } from '../form/map.js';
import { diffEdits } from '../rewrite/diff.js';
import type { NewCheck } from '../store/store.js';
import type { Draft } from './draft.js';

/** A file made from a draft: its suggested name, type and bytes. */
export interface Made {
  filename: string;
  mime: string;
  bytes: Uint8Array;
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const base = (name: string) => name.replace(/\.[^.]+$/, '');

/** Every finding the report lists, each with its decision: accepted ones first (they are gone from the text). */
function decided(d: Draft): { findings: ReturnType<Draft['lint']>['findings']; decisions: Decision[] } {
  const now = d.findings();
  return {
    findings: [...d.input.accepted.map((a) => a.finding), ...now.map((x) => x.finding)],
    decisions: [
      ...d.input.accepted.map((a) => ({ kind: 'accepted' as const, suggestion: a.suggestion })),
      ...now.map((x) => (x.dismissed === undefined ? { kind: 'open' as const } : { kind: 'dismissed' as const, reason: x.dismissed })),
    ],
  };
}

/** The quality report's content: score, findings with decisions, missing elements. */
export function reportOf(d: Draft, opts: { maskNames?: boolean; generated?: Date } = {}): ReportModel {
  const { findings, decisions } = decided(d);
  // an accepted finding's words are gone from the text: its sentence is the one as it was written
  const sentences = d.input.accepted.map((a) => acceptedRuns(a.finding, a.suggestion, d.input.original, d.document));
  return reportModel({ title: d.name, document: d.document, result: { ...d.lint(), findings }, rules: d.rules, decisions, sentences, maskNames: opts.maskNames ?? true, ...(opts.generated ? { generated: opts.generated } : {}) });
}

/** The quality report as a file: HTML (one self-contained page) or PDF (fonts embedded). */
export async function reportFile(d: Draft, format: 'html' | 'pdf', opts: { maskNames?: boolean } = {}): Promise<Made & { model: ReportModel }> {
  const model = reportOf(d, opts);
  if (format === 'pdf') return { model, filename: `${base(d.name)}-report.pdf`, mime: 'application/pdf', bytes: await reportPdf(model) };
  return { model, filename: `${base(d.name)}-report.html`, mime: 'text/html', bytes: new TextEncoder().encode(reportHtml(model)) };
}

/**
 * The draft as a Word file in its original layout: the edits as they stand (clean) or as tracked changes,
 * with the questions for missing elements as an appendix when asked. A draft typed in has no layout of its own:
 * its paragraphs are the layout.
 */
export async function docxFile(d: Draft, opts: { mode: 'clean' | 'tracked'; appendix?: boolean; comments?: DocxExportOptions['comments'] }): Promise<Made> {
  const original = d.input.original ?? d.document;
  const edits = d.input.original ? diffEdits(original.text, d.text) : [];
  const appendix = opts.appendix ? d.lint().missing.map((m) => ({ element: m.element, question: m.question })) : undefined;
  const bytes = await buildDocx(original, edits, { mode: opts.mode, literal: true, ...(appendix ? { appendix } : {}), ...(opts.comments ? { comments: opts.comments } : {}) });
  return { filename: `${base(d.name)}-${opts.mode === 'tracked' ? 'tracked' : 'cleaned'}.docx`, mime: DOCX_MIME, bytes };
}

/** Paragraphs the user moved to another question: by the paragraph's words. */
export type Placements = ReadonlyMap<string, string>;

/** The user's placements as the mapping takes them; a question the form does not have is an error. */
export function placementsOf(list: readonly { text: string; question: string }[] = []): Placements {
  const ids = new Set(loadForm().sections.flatMap((s) => s.questions.map((q) => q.id)));
  const out = new Map<string, string>();
  for (const p of list) {
    if (!ids.has(p.question)) throw new RangeError(`The form has no question "${p.question}".`);
    out.set(pieceKey(p.text), p.question);
  }
  return out;
}

const formViews = new WeakMap<Draft, Map<string, FormCheckResult>>();

/** The draft laid out as the online form, with the form's own checks (once per draft and placements). */
export function formOf(d: Draft, placements: Placements = new Map()): FormCheckResult {
  let views = formViews.get(d);
  if (!views) formViews.set(d, (views = new Map()));
  const key = JSON.stringify([...placements]);
  let v = views.get(key);
  if (!v) views.set(key, (v = checkForm(d.document, d.rules, { isChild: d.lint().subject.isChild, placements })));
  return v;
}

/** The form view as the app and `nrm-check form` show it: sections in the form's order, with confidence. */
export function formViewOf(d: Draft, placements: Placements = new Map()) {
  const form = loadForm();
  const { mapping, issues, missing } = formOf(d, placements);
  const answered = new Set(mapping.sections.map((s) => s.id));
  // the open findings inside each answer, so Copy can warn and offer the answer with the suggestions applied
  const inAnswers = answerFindings(d.text, mapping, d.open());
  return {
    limit: form.limit,
    sections: mapping.sections.map((s) => ({ id: s.id, title: s.title, text: s.text, confidence: s.confidence, questions: s.questions.map((q) => ({ ...q, findings: [], ...inAnswers.get(q.id) })) })),
    ...(mapping.title ? { draftTitle: mapping.title.text } : {}),
    outline: form.sections.flatMap((s) => s.questions.map((q) => ({ section: s.id, sectionTitle: s.title, id: q.id, title: q.title }))),
    unanswered: form.sections.filter((s) => !answered.has(s.id)).map((s) => s.title),
    issues: issues.map(({ check: _c, ...i }) => i),
    missing: missing.map((m) => ({ element: m.element, rule: m.rule, message: m.message, question: m.question, ...(m.formQuestion ? { formQuestion: m.formQuestion } : {}) })),
  };
}

/** The form-ready text: each box of the form with its answer, split to the box's limit. */
export async function formFile(d: Draft, format: 'docx' | 'txt', placements: Placements = new Map()): Promise<Made> {
  const { mapping } = formOf(d, placements);
  const limit = loadForm().limit;
  const boxes = formBoxes(mapping, limit);
  const opts = { title: d.name, limit, ...(mapping.title ? { draftTitle: mapping.title.text } : {}) };
  if (format === 'docx') return { filename: `${base(d.name)}-form-ready.docx`, mime: DOCX_MIME, bytes: await formDocx(boxes, opts) };
  return { filename: `${base(d.name)}-form-ready.txt`, mime: 'text/plain', bytes: new TextEncoder().encode(formText(boxes, opts)) };
}

/** The history entry of a draft: its lint, which findings were dismissed, what was accepted, the text. */
export function historyOf(d: Draft): Required<Pick<NewCheck, 'result' | 'decisions' | 'decided' | 'text' | 'words'>> {
  return {
    result: d.lint(),
    decisions: d.findings().flatMap((x, index) => (x.dismissed === undefined ? [] : [{ index, decision: 'dismissed' as const, reason: x.dismissed }])),
    decided: d.input.accepted.map((a) => ({ finding: a.finding, decision: 'accepted' as const })),
    text: d.text,
    words: d.text.split(/\s+/).filter(Boolean).length,
  };
}
