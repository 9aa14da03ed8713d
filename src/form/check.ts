/**
 * The checks that come from the online form itself (domain notes C7), run when a draft is read as the form:
 * the form's own missing elements (rules with `set: form`, detected like the core elements) and the checks
 * written here, whose wording, reasons and examples are rule files of kind `form-check`:
 *   box-limit                 a box's answer over the form's character limit;
 *   names-in-account          names in the "What did they say happened?" box, which the form asks to leave out;
 *   unexplained-inconsistency an inconsistency or late disclosure mentioned with no reason given;
 *   undated-evidence          an attached or enclosed document mentioned with no date;
 *   credibility-placement     a credibility doubt written into the narrative rather than the credibility
 *                             question, or given there without evidence.
 */
import type { Document } from '../document/model.js';
import { analyze } from '../engine/analyze.js';
import { DATE, personNames } from '../engine/checks/required.js';
import { lint } from '../engine/lint.js';
import type { FormElementName, Severity, Source } from '../engine/types.js';
import type { CompiledFormCheck, RuleSet } from '../rules/compile.js';
import { loadForm } from './form.js';
import { mapToForm, type FormMapping } from './map.js';

export interface FormIssue {
  rule: string;
  check: CompiledFormCheck['check'];
  severity: Severity;
  start: number;
  end: number;
  excerpt: string;
  message: string;
  question: string;
  rationale: string;
  source: Source;
  /** The form question the issue is about. */
  formQuestion?: string;
}

export interface FormMissing {
  element: FormElementName;
  /** The form question that asks for it. */
  formQuestion?: string;
  rule: string;
  message: string;
  question: string;
  rationale: string;
  source: Source;
}

export interface FormCheckResult {
  mapping: FormMapping;
  issues: FormIssue[];
  missing: FormMissing[];
}


function issueOf(c: CompiledFormCheck, doc: Document, start: number, end: number, detail: string, formQuestion?: string): FormIssue {
  return {
    rule: c.meta.id,
    check: c.check,
    severity: c.meta.severity,
    start,
    end,
    excerpt: doc.text.slice(start, end),
    message: c.meta.message.replace(/\{detail\}/g, detail),
    question: c.question,
    rationale: c.meta.rationale,
    source: c.meta.source,
    ...(formQuestion ? { formQuestion } : {}),
  };
}

/** A pattern that matches nothing: a check whose rule file gives no words finds nothing. */
const NOTHING = /(?!)/;

/** Runs the form's checks on a draft (with its mapping, made here unless given). */
export function checkForm(doc: Document, rules: RuleSet, opts: { mapping?: FormMapping; isChild?: boolean; placements?: ReadonlyMap<string, string> } = {}): FormCheckResult {
  const form = rules.form;
  const base = form ? lint(doc, form, { cache: false, ...(opts.isChild !== undefined ? { subject: { isChild: opts.isChild } } : {}) }) : null;
  const isChild = base?.subject.isChild ?? opts.isChild ?? null;
  const mapping = opts.mapping ?? mapToForm(doc, { isChild, ...(opts.placements ? { placements: opts.placements } : {}) });
  const askedBy = new Map((form?.loaded ?? []).flatMap((l) => (l.rule.kind === 'required' && l.rule.form_question ? [[l.id, l.rule.form_question] as const] : [])));
  const missing: FormMissing[] = (base?.missing ?? []).map((m) => ({ ...m, element: m.element as unknown as FormElementName, ...(askedBy.has(m.rule) ? { formQuestion: askedBy.get(m.rule)! } : {}) }));
  const issues: FormIssue[] = [];
  if (!form) return { mapping, issues, missing };
  const limit = loadForm().limit;
  const blocks = analyze(doc, form.sections);
  const sentences = blocks.flatMap((b) => (b.block.kind === 'heading' ? [] : b.sentences));
  const partAt = (pos: number) => mapping.parts.find((p) => p.start <= pos && pos < p.end);
  const nextSentence = (i: number) => sentences[i + 1];
  for (const c of form.formChecks) {
    if (c.meta.scope !== 'any' && isChild !== null && (c.meta.scope === 'child') !== isChild) continue;
    if (c.check === 'box-limit') {
      for (const s of mapping.sections)
        for (const q of s.questions) {
          if (!q.box || q.text.length <= limit) continue;
          const first = mapping.parts.find((p) => p.question === q.id)!;
          issues.push(issueOf(c, doc, first.start, first.end, `"${q.title}" has ${q.text.length.toLocaleString('en-GB')} characters; the box holds ${limit.toLocaleString('en-GB')}`, q.id));
        }
    } else if (c.check === 'names-in-account') {
      const names = [...personNames(blocks)];
      if (!names.length) continue;
      const re = new RegExp(`\\b(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'i');
      for (const p of mapping.parts.filter((x) => x.question === 'what-happened')) {
        const m = re.exec(doc.text.slice(p.start, p.end));
        if (!m) continue;
        const found = names.filter((n) => new RegExp(`\\b${n}\\b`, 'i').test(mapping.sections.flatMap((s) => s.questions).find((q) => q.id === 'what-happened')!.text));
        const shown = found.map((n) => n[0]!.toUpperCase() + n.slice(1)).join(', ');
        issues.push(issueOf(c, doc, p.start + m.index, p.start + m.index + m[0].length, shown, 'what-happened'));
        break;
      }
    } else {
      // the check's word lists are data, in its rule file (rules/form/*.yml, `phrases`)
      const words = (name: string) => c.phrases.get(name) ?? NOTHING;
      sentences.forEach((s, i) => {
        const text = doc.text.slice(s.start, s.end);
        if (c.check === 'unexplained-inconsistency') {
          const m = words('inconsistency').exec(text);
          const next = nextSentence(i);
          if (m && !words('explanation').test(text) && !(next && words('explanation').test(doc.text.slice(next.start, next.end)))) issues.push(issueOf(c, doc, s.start, s.end, m[0], partAt(s.start)?.question));
        } else if (c.check === 'undated-evidence') {
          const m = words('attachment').exec(text);
          if (m && !DATE.test(text)) issues.push(issueOf(c, doc, s.start, s.end, m[0], partAt(s.start)?.question));
        } else if (c.check === 'credibility-placement') {
          const m = words('doubt').exec(text);
          if (!m) return;
          const where = partAt(s.start)?.question;
          if (where !== 'credibility') issues.push(issueOf(c, doc, s.start, s.end, 'in the narrative, not under the credibility question', where));
          else if (!words('evidence').test(text)) issues.push(issueOf(c, doc, s.start, s.end, 'with no evidence given', where));
        }
      });
    }
  }
  issues.sort((a, b) => a.start - b.start);
  return { mapping, issues, missing };
}
