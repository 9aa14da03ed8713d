/**
 * The quality report: one self-contained HTML file (styles inline, no external asset, no script) and the same
 * content as plain lines for the PDF form. Names of people can be masked (on by default, for audit use).
 */
import type { Document } from '../document/model.js';
import { analyze } from '../engine/analyze.js';
import { personNames } from '../engine/checks/required.js';
import { labelOf } from '../engine/labels.js';
import { scoreOf } from '../engine/score.js';
import type { LintResult } from '../engine/types.js';
import type { RuleSet } from '../rules/compile.js';

export type Decision = { kind: 'accepted'; suggestion: string } | { kind: 'dismissed'; reason: string } | { kind: 'open' };

export interface ReportInput {
  title: string;
  document: Document;
  result: LintResult;
  rules: RuleSet;
  decisions?: Decision[];
  maskNames?: boolean;
  generated?: Date;
}

export interface ReportModel {
  title: string;
  generated: string;
  subject: string;
  score: number;
  breakdown: { label: string; points: number }[];
  findings: { category: string; severity: string; excerpt: string; message: string; decision: string; rationale: string; source: string; rule: string }[];
  missing: { element: string; message: string; question: string }[];
  masked: boolean;
}

/** Replaces people's names (as the engine detects them) with their initial. */
export function maskerFor(doc: Document, rules: RuleSet): (s: string) => string {
  const names = [...personNames(analyze(doc, rules.sections))].filter((n) => n.length > 2);
  if (!names.length) return (s) => s;
  const re = new RegExp(`\\b(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})('s)?\\b`, 'gi');
  return (s) => s.replace(re, (m: string, name: string, poss: string | undefined) => `${name[0]!.toUpperCase()}.${poss ?? ''}`);
}

export function reportModel(input: ReportInput): ReportModel {
  const mask = input.maskNames === false ? (s: string) => s : maskerFor(input.document, input.rules);
  const { result } = input;
  const remaining = result.findings.filter((_, i) => (input.decisions?.[i]?.kind ?? 'open') === 'open');
  const sc = scoreOf(remaining, result.missing.length);
  return {
    title: mask(input.title),
    generated: (input.generated ?? new Date()).toISOString().slice(0, 16).replace('T', ' '),
    subject: `${result.subject.isChild ? 'A child' : 'An adult'}${result.subject.age !== null ? ` (age ${result.subject.age})` : ''}: ${mask(result.subject.basis)}`,
    score: sc.total,
    breakdown: sc.parts,
    findings: result.findings.map((f, i) => {
      const d = input.decisions?.[i] ?? { kind: 'open' as const };
      return {
        category: f.category,
        severity: f.severity,
        excerpt: mask(f.excerpt),
        message: mask(f.message),
        decision: d.kind === 'accepted' ? `Accepted: “${mask(d.suggestion) || '(deleted)'}”` : d.kind === 'dismissed' ? `Dismissed: ${d.reason}` : 'Open',
        rationale: f.rationale,
        source: `${f.source.title}${f.source.locator ? `, ${f.source.locator}` : ''}`,
        rule: f.rule,
      };
    }),
    missing: result.missing.map((m) => ({ element: m.element, message: m.message, question: m.question })),
    masked: input.maskNames !== false,
  };
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const CSS = `body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #b1b4b6}
.score{display:flex;gap:2rem;align-items:center;background:#f3f2f1;padding:1rem;border-radius:6px}.score b{font-size:2.5rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #d0d0d0;padding:.4rem}
.excerpt{font-family:Georgia,serif}.muted{color:#505a5f;font-size:.9rem}.sev-error{color:#b3261e;font-weight:700}
.cat{font-weight:700}@media print{body{margin:0}}`;

export function reportHtml(m: ReportModel): string {
  const rows = m.findings
    .map(
      (f) =>
        `<tr><td><span class="cat">${esc(f.category)}</span><br><span class="sev-${esc(f.severity)}">${esc(f.severity)}</span></td>` +
        `<td class="excerpt">“${esc(f.excerpt)}”</td><td>${esc(f.message)}<br><span class="muted">${esc(f.rationale)} Source: ${esc(f.source)}.</span></td><td>${esc(f.decision)}</td></tr>`,
    )
    .join('\n');
  const missing = m.missing.length
    ? `<ul>${m.missing.map((x) => `<li><b>${esc(labelOf(x.element))}</b>: ${esc(x.message)}<br><span class="muted">Ask: ${esc(x.question)}</span></li>`).join('')}</ul>`
    : '<p>Every element a referral needs is there.</p>';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>Referral quality report: ${esc(m.title)}</title><style>${CSS}</style></head>
<body>
<h1>Referral quality report</h1>
<p>${esc(m.title)} · checked ${esc(m.generated)}${m.masked ? ' · names masked' : ''}</p>
<p>${esc(m.subject)}</p>
<div class="score"><div><b>${m.score}</b>/100</div><ul>${m.breakdown.map((p) => `<li>${esc(p.label)}: ${p.points ? `−${p.points}` : '0'}</li>`).join('')}</ul></div>
<h2>Missing elements (${m.missing.length})</h2>
${missing}
<h2>Findings (${m.findings.length})</h2>
${m.findings.length ? `<table><thead><tr><th>Category</th><th>Words</th><th>Why</th><th>Decision</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : '<p>No language problems found.</p>'}
<p class="muted">Made offline by NRM Referral Checker. The competent authority decides every case; this report is about the wording of the draft.</p>
</body></html>
`;
}

/** The report as lines for the PDF writer. */
export function reportLines(m: ReportModel): { text: string; size?: number; bold?: boolean; gap?: number }[] {
  const out: { text: string; size?: number; bold?: boolean; gap?: number }[] = [
    { text: 'Referral quality report', size: 18, bold: true },
    { text: `${m.title} · checked ${m.generated}${m.masked ? ' · names masked' : ''}`, size: 10 },
    { text: m.subject, size: 10 },
    { text: `Score: ${m.score}/100 (${m.breakdown.map((p) => `${p.label} ${p.points ? `-${p.points}` : '0'}`).join(', ')})`, bold: true, gap: 8 },
    { text: `Missing elements (${m.missing.length})`, size: 14, bold: true, gap: 10 },
  ];
  for (const x of m.missing) out.push({ text: `${labelOf(x.element)}: ${x.message}` }, { text: `Ask: ${x.question}`, size: 10 });
  if (!m.missing.length) out.push({ text: 'Every element a referral needs is there.' });
  out.push({ text: `Findings (${m.findings.length})`, size: 14, bold: true, gap: 10 });
  for (const f of m.findings) {
    out.push({ text: `${f.category} · ${f.severity} · “${f.excerpt}”`, bold: true, gap: 4 }, { text: f.message }, { text: `Decision: ${f.decision}`, size: 10 }, { text: `${f.rationale} Source: ${f.source}.`, size: 9 });
  }
  return out;
}
