/**
 * The open findings inside each answer of the form view: where each falls in the answer's text as it will be
 * pasted (paragraphs joined, list items as "- " lines), and the answer with their suggestions applied. Copying
 * an answer from the form view warns about these and offers the fixed text, so open findings are never pasted
 * into the online form without the writer knowing. Pure.
 */
import type { Finding } from '../engine/types.js';
import { applySuggestions } from '../rewrite/apply.js';
import type { FormMapping } from './map.js';

/** An open finding inside one answer: offsets into the answer's text, and its first suggestion. */
export interface AnswerFinding {
  start: number;
  end: number;
  rule: string;
  category: Finding['category'];
  severity: Finding['severity'];
  message: string;
  excerpt: string;
  /** The first suggestion (`""` deletes the words); absent when the fix needs the writer's knowledge. */
  suggestion?: string;
}

export interface AnswerFindings {
  findings: AnswerFinding[];
  /** The answer with every suggestion applied (absent when no finding here has one). */
  applied?: string;
}

/** Each answered question's open findings, by question id (questions with none are left out). */
export function answerFindings(text: string, mapping: FormMapping, open: readonly Finding[]): Map<string, AnswerFindings> {
  const out = new Map<string, AnswerFindings>();
  const sorted = [...open].sort((a, b) => a.start - b.start);
  for (const q of mapping.sections.flatMap((s) => s.questions)) {
    // where each of the answer's paragraphs sits in the answer as pasted (they come in the draft's order)
    let cursor = 0;
    const places = mapping.parts
      .filter((p) => p.question === q.id)
      .flatMap((p) => {
        const at = q.text.indexOf(text.slice(p.start, p.end), cursor);
        if (at < 0) return [];
        cursor = at + (p.end - p.start);
        return [{ start: p.start, end: p.end, at }];
      });
    const findings: AnswerFinding[] = [];
    for (const f of sorted) {
      const p = places.find((x) => x.start <= f.start && f.end <= x.end);
      if (!p) continue;
      const start = p.at + (f.start - p.start);
      const end = start + (f.end - f.start);
      if (findings.length && start < findings[findings.length - 1]!.end) continue;
      const s = f.suggestions[0];
      findings.push({ start, end, rule: f.rule, category: f.category, severity: f.severity, message: f.message, excerpt: q.text.slice(start, end), ...(s !== undefined ? { suggestion: s } : {}) });
    }
    if (!findings.length) continue;
    const edits = findings.flatMap((f) => (f.suggestion === undefined ? [] : [{ start: f.start, end: f.end, replacement: f.suggestion }]));
    out.set(q.id, { findings, ...(edits.length ? { applied: applySuggestions(q.text, edits).text } : {}) });
  }
  return out;
}
