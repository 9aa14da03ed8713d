/**
 * The quality report: its content (reportModel) and one self-contained HTML file (styles inline, no external
 * asset, no script); pdf.ts writes the same content as a PDF. Names of people can be masked (on by default,
 * for audit use).
 */
import type { Document } from '../document/model.js';
import { analyze } from '../engine/analyze.js';
import { personNames } from '../engine/checks/required.js';
import { labelOf, subjectLine } from '../engine/labels.js';
import { nlp } from '../engine/nlp.js';
import { scoreOf } from '../engine/score.js';
import type { LintResult } from '../engine/types.js';
import type { RuleSet } from '../rules/compile.js';
import { sentenceRuns, type Run } from './sentence.js';

export type { Run } from './sentence.js';

export type Decision = { kind: 'accepted'; suggestion: string } | { kind: 'dismissed'; reason: string } | { kind: 'open' };

export interface ReportInput {
  title: string;
  document: Document;
  result: LintResult;
  rules: RuleSet;
  decisions?: Decision[];
  /** Each finding's sentence where it is not in `document` (an accepted one: the sentence before the rewrite);
   * index-aligned with the findings, unmasked. Missing: the sentence around the finding in `document`. */
  sentences?: (Run[] | undefined)[];
  maskNames?: boolean;
  generated?: Date;
}

export interface ReportModel {
  title: string;
  generated: string;
  subject: string;
  score: number;
  breakdown: { label: string; points: number }[];
  findings: {
    category: string;
    severity: string;
    excerpt: string;
    /** The finding's sentence, the flagged words as the marked run; names masked like the rest. */
    sentence: Run[];
    message: string;
    decision: string;
    rationale: string;
    source: string;
    rule: string;
  }[];
  missing: { element: string; message: string; question: string }[];
  masked: boolean;
}

/** The words the text writes in lower case (a word also written so, "Police" and "police", is no name). */
function lowerWords(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu) ?? []);
}

/**
 * Names the engine's reading leaves out because they only ever start a sentence ("Keith M., male, 48";
 * "Keith's story is that"): a capitalised word before an initial, or with "'s".
 */
function namesAtSentenceStart(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+)(?=[’']s(?![\p{L}\p{N}])|\s+\p{Lu}\.)/gu)) found.add(m[1]!);
  return [...found];
}

/** Titles before a name, not names themselves. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'madam']);

/**
 * People's names as an English tagger reads them (compromise, loaded only when a report is masked): "Ana said
 * she was not paid", "Kerry Lambert, TSO, ...", which a referral's own cues do not show. Each word of a name on
 * its own, since a name is often written in part ("Derek", "Derek P.").
 */
function namesTagged(text: string): string[] {
  const people = nlp()(text).people().out('array') as string[];
  return people.flatMap((p) => p.match(/\p{Lu}[\p{L}'’-]*\p{L}/gu) ?? []).map((w) => w.replace(/['’]s$/u, ''));
}

/**
 * Replaces people's names with their initial: those the engine detects, those only starting sentences, and
 * those the tagger reads as people. A word the draft also writes in lower case is no name. Masking would rather
 * hide a word too many than show a name.
 */
export function maskerFor(doc: Document, rules: RuleSet): (s: string) => string {
  const lower = lowerWords(doc.text);
  const guessed = [...namesAtSentenceStart(doc.text), ...namesTagged(doc.text)].map((w) => w.toLowerCase()).filter((w) => !lower.has(w) && !TITLES.has(w));
  const names = [...new Set([...personNames(analyze(doc, rules.sections)), ...guessed])].filter((n) => [...n].length > 2);
  if (!names.length) return (s) => s;
  // letters on either side end a name, not \b (ASCII only: "Łukasz" or "Đặng" would not be masked)
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(['’]s)?(?![\\p{L}\\p{N}])`, 'giu');
  return (s) => s.replace(re, (m: string, name: string, poss: string | undefined) => `${[...name][0]!.toUpperCase()}.${poss ?? ''}`);
}

export function reportModel(input: ReportInput): ReportModel {
  const mask = input.maskNames === false ? (s: string) => s : maskerFor(input.document, input.rules);
  const { result } = input;
  const remaining = result.findings.filter((_, i) => (input.decisions?.[i]?.kind ?? 'open') === 'open');
  const sc = scoreOf(remaining, result.missing.length);
  return {
    title: mask(input.title),
    generated: (input.generated ?? new Date()).toISOString().slice(0, 16).replace('T', ' '),
    subject: subjectLine(result.subject, mask),
    score: sc.total,
    breakdown: sc.parts,
    findings: result.findings.map((f, i) => {
      const d = input.decisions?.[i] ?? { kind: 'open' as const };
      return {
        category: f.category,
        severity: f.severity,
        excerpt: mask(f.excerpt),
        // each run is masked on its own, so the marked words keep their place
        sentence: (input.sentences?.[i] ?? sentenceRuns(input.document, f.start, f.end)).map((r) => ({ ...r, text: mask(r.text) })),
        message: mask(f.message),
        decision: d.kind === 'accepted' ? `Accepted: “${mask(d.suggestion) || '(deleted)'}”` : d.kind === 'dismissed' ? `Dismissed: ${mask(d.reason)}` : 'Open',
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
.cat{font-weight:700}ol.findings{padding-left:1.5rem}ol.findings>li{margin:0 0 1.25rem;break-inside:avoid}ol.findings p{margin:.25rem 0}
.sentence{font-family:Georgia,serif;border-left:4px solid #b1b4b6;padding-left:.75rem}
mark{background:#ffdd00;color:#0b0c0c;text-decoration:underline;padding:0 .1em;print-color-adjust:exact;-webkit-print-color-adjust:exact}
@media print{body{margin:0}}`;

/** The finding's sentence as HTML: every run escaped, the flagged words in <mark>. */
export function sentenceHtml(runs: readonly Run[]): string {
  return runs.map((r) => (r.marked ? `<mark>${esc(r.text)}</mark>` : esc(r.text))).join('');
}

/** One finding, in the order a reader needs it: what kind, the sentence, why, what was decided, the source. */
function findingHtml(f: ReportModel['findings'][number]): string {
  return (
    `<p><span class="cat">${esc(labelOf(f.category))}</span> · <span class="sev-${esc(f.severity)}">${esc(f.severity)}</span></p>` +
    `<p class="sentence">“${sentenceHtml(f.sentence.length ? f.sentence : [{ text: f.excerpt, marked: true }])}”</p>` +
    `<p>${esc(f.message)}</p>` +
    `<p>Decision: <b>${esc(f.decision)}</b></p>` +
    `<p class="muted">${esc(f.rationale)} Source: ${esc(f.source)}.</p>`
  );
}

export function reportHtml(m: ReportModel): string {
  const rows = m.findings.map((f) => `<li>${findingHtml(f)}</li>`).join('\n');
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
${m.findings.length ? `<ol class="findings">\n${rows}\n</ol>` : '<p>No language problems found.</p>'}
<p class="muted">Made offline by NRM Referral Checker. The competent authority decides every case; this report is about the wording of the draft.</p>
</body></html>
`;
}
