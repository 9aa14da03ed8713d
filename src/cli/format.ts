/** Output formats of `nrm-check check`: JSON (shared/eval's shape), readable text, and SARIF 2.1.0. */
import type { Explanation } from '../engine/explain.js';
import type { Block } from '../document/model.js';
import type { Finding, LintResult } from '../engine/types.js';
import { CATEGORIES } from '../engine/types.js';
import { subjectLine } from '../engine/labels.js';
import type { Voice } from '../engine/reading.js';

/** Whose words a span is, as the explanation prints it. */
export const VOICE_LABEL: Record<Voice, string> = {
  writer: "the writer's words",
  person: "the person's words",
  other: "another party's words",
  generic: 'generic (people in general, an instruction or a definition)',
  mention: 'named as language (a mention)',
};

export interface FileResult extends LintResult {
  file: string;
  text: string;
  blocks?: Block[];
  warnings?: string[];
}

/** The page an offset is on, for documents that have pages (PDF). */
export function pageAt(blocks: Block[] | undefined, offset: number): number | undefined {
  if (!blocks) return undefined;
  let page: number | undefined;
  for (const b of blocks) {
    if (b.start > offset) break;
    page = b.page;
  }
  return page;
}

export function toJson(r: FileResult): object {
  return {
    file: r.file,
    text: r.text,
    subject: { isChild: r.subject.isChild, age: r.subject.age, basis: r.subject.basis },
    findings: r.findings.map((f) => ({
      rule: f.rule,
      category: f.category,
      severity: f.severity,
      start: f.start,
      end: f.end,
      excerpt: f.excerpt,
      message: f.message,
      suggestions: f.suggestions,
      rationale: f.rationale,
      source: f.source,
      ...(f.note ? { note: f.note } : {}),
      ...(pageAt(r.blocks, f.start) ? { page: pageAt(r.blocks, f.start) } : {}),
    })),
    missing: r.missing.map((m) => ({ element: m.element, rule: m.rule, message: m.message, question: m.question, source: m.source, ...(m.found ? { found: m.found } : {}) })),
    ...(r.warnings?.length ? { warnings: r.warnings } : {}),
  };
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, col: offset - last };
}

/** `off`: which rules are turned off, said beside the count so that "0 findings" is never taken for a clean draft. */
export function toText(r: FileResult, color: boolean, off?: string): string {
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  out.push(c('1', r.file) + `  — about ${subjectLine(r.subject).replace(/^A/, 'a')}`);
  for (const cat of CATEGORIES) {
    const fs = r.findings.filter((f) => f.category === cat);
    if (!fs.length) continue;
    out.push('', `  ${c('1', cat)} (${fs.length})`);
    for (const f of fs) out.push(...findingLines(r.text, f, c, pageAt(r.blocks, f.start)));
  }
  if (r.missing.length) {
    out.push('', `  ${c('1', 'missing elements')} (${r.missing.length})`);
    for (const m of r.missing) {
      out.push(`    ${m.element.padEnd(11)} ${m.message}`);
      if (m.found?.length) out.push(`    ${''.padEnd(11)} Found so far: ${m.found.join(', ')}.`);
      out.push(`    ${''.padEnd(11)} Ask: ${m.question}`);
    }
  }
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  out.push('', `  ${r.findings.length} finding${r.findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}), ${r.missing.length} missing element${r.missing.length === 1 ? '' : 's'}${off ? ` — ${off}` : ''}`);
  return out.join('\n');
}

function findingLines(text: string, f: Finding, c: (code: string, s: string) => string, page?: number): string[] {
  const { line, col } = lineCol(text, f.start);
  const where = page ? `p${page} ${line}:${col}` : `${line}:${col}`;
  const sev = f.severity === 'error' ? c('31', 'error  ') : f.severity === 'warning' ? c('33', 'warning') : c('36', 'note   ');
  const lines = [`    ${where.padEnd(8)} ${sev}  ${f.message}  ${c('2', f.rule)}`];
  const s = f.suggestions[0];
  if (s !== undefined) lines.push(`    ${''.padEnd(8)} → ${s === '' ? '(delete)' : s}`);
  if (f.note) lines.push(`    ${''.padEnd(8)}   ${f.note}`);
  return lines;
}

const LEVEL = { error: 'error', warning: 'warning', suggestion: 'note' } as const;

/** The config in force, for SARIF: as data (run properties), as rule overrides and as notes. */
export interface SarifConfig {
  data: object;
  disabled: string[];
  notes: string[];
}

export function toSarif(results: FileResult[], rules: { id: string; message: string; rationale: string; source: string }[], version: string, config?: SarifConfig): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nrm-check',
            version,
            rules: rules.map((r) => ({ id: r.id, shortDescription: { text: r.message }, fullDescription: { text: r.rationale }, help: { text: `${r.rationale} Source: ${r.source}.` } })),
          },
        },
        ...(config
          ? {
              invocations: [
                {
                  executionSuccessful: true,
                  ruleConfigurationOverrides: config.disabled.map((id) => ({ descriptor: { id }, configuration: { enabled: false } })),
                  toolConfigurationNotifications: config.notes.map((text) => ({ level: 'note', message: { text } })),
                },
              ],
              properties: { config: config.data },
            }
          : {}),
        results: results.flatMap((r) =>
          r.findings.map((f) => {
            const a = lineCol(r.text, f.start);
            const b = lineCol(r.text, f.end);
            return {
              ruleId: f.rule,
              level: LEVEL[f.severity],
              message: { text: f.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: r.file },
                    region: { startLine: a.line, startColumn: a.col, endLine: b.line, endColumn: b.col, charOffset: f.start, charLength: f.end - f.start },
                  },
                },
              ],
              ...(f.suggestions.length
                ? {
                    fixes: [
                      {
                        description: { text: f.suggestions[0] === '' ? 'Delete' : `Replace with '${f.suggestions[0]}'` },
                        artifactChanges: [{ artifactLocation: { uri: r.file }, replacements: [{ deletedRegion: { charOffset: f.start, charLength: f.end - f.start }, insertedContent: { text: f.suggestions[0] } }] }],
                      },
                    ],
                  }
                : {}),
            };
          }),
        ),
      },
    ],
  };
}

/** `nrm-check explain` as text: the reading of each sentence, then each candidate rule and why it fired or not. */
export function formatExplanation(ex: Explanation, all = false): string {
  const out: string[] = [`about ${ex.subject.isChild ? 'a child' : 'an adult'} (${ex.subject.basis})`];
  for (const s of ex.sentences) {
    out.push('', `sentence: ${s.text}`);
    for (const c of s.clauses) {
      const parts = [`  clause: "${c.text}"`];
      if (c.subject) parts.push(`subject "${c.subject.text}" (${c.subject.role})`);
      if (c.verb) parts.push(`verb "${c.verb.text}" (${c.verb.tense}${c.verb.modal ? `, modal ${c.verb.modal}` : ''}${c.verb.negated ? ', negated' : ''})`);
      if (c.negators.length) parts.push(`negation: ${c.negators.join(', ')}`);
      if (c.generic) parts.push('generic statement');
      if (c.directive) parts.push("the writer's advice to readers");
      if (c.reports) parts.push(`reports ${c.reports === 'person' ? "the person's" : "another party's"} words`);
      out.push(parts.join('; '));
    }
    for (const v of s.voices) if (v.voice !== 'writer') out.push(`  ${VOICE_LABEL[v.voice]}: "${v.text}"`);
    const shown = all ? s.candidates : s.candidates.filter((c, i, list) => list.findIndex((x) => x.rule === c.rule && x.matched === c.matched) === i);
    if (!shown.length) out.push('  no rule has a candidate in this sentence');
    for (const c of shown) {
      out.push(`  ${c.fired ? 'fires  ' : 'silent '} ${c.rule}${c.origin ? ` [${c.origin}]` : ''}: "${c.matched}" (${c.why})${all ? `  pattern: ${c.pattern}` : ''}`);
    }
    for (const f of s.findings) out.push(`  finding: ${f.rule} "${f.excerpt}"${f.suggestions.length ? ` -> "${f.suggestions[0]}"` : ''}`);
  }
  return out.join('\n');
}
