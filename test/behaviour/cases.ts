/**
 * Behavioural cases (after CheckList, Ribeiro et al., ACL 2020), one YAML file per meaning class, written from
 * the class's definition without looking at the rules: `mft` plain cases that must be flagged, `inv` variants
 * (another name, pronoun, tense or synonym) that must get the same decision, `dir` variants that must lose the
 * finding (negated, quoted, reported, generic, explained) and `trap` look-alikes that must stay clean.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { checkText, type RuleSet } from '../../src/index.js';

export interface Case {
  kind: 'mft' | 'inv' | 'dir' | 'trap';
  text: string;
  span?: string;
  expect: 'flag' | 'clean';
  subject?: 'child' | 'adult';
  of?: number;
}

export interface CaseFile {
  class: string;
  category: 'disbelief' | 'victim-blaming' | 'jargon';
  definition: string;
  cases: Case[];
}

export interface CaseResult {
  file: string;
  index: number;
  c: Case;
  pass: boolean;
  got: string[];
}

export const CASES_DIR = path.dirname(fileURLToPath(import.meta.url));

export function loadCaseFiles(dir = CASES_DIR): { file: string; data: CaseFile }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yml') && !f.startsWith('elements.')) // element cases have their own runner (elements.ts)
    .sort()
    .map((f) => ({ file: f, data: parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CaseFile }));
}

/** Runs one case: `flag` needs a finding of the file's category overlapping the span; `clean` needs none of it. */
export function runCase(rules: RuleSet, category: CaseFile['category'], c: Case): { pass: boolean; got: string[] } {
  const res = checkText(c.text, rules, c.subject ? { subject: { isChild: c.subject === 'child' } } : {});
  const mine = res.findings.filter((f) => f.category === category);
  const got = mine.map((f) => f.excerpt);
  if (c.expect === 'clean') return { pass: mine.length === 0, got };
  const at = c.span ? c.text.indexOf(c.span) : 0;
  const end = c.span ? at + c.span.length : c.text.length;
  return { pass: mine.some((f) => f.start < end && at < f.end), got };
}

export function runAll(rules: RuleSet, dir = CASES_DIR): CaseResult[] {
  return loadCaseFiles(dir).flatMap(({ file, data }) => data.cases.map((c, index) => ({ file, index, c, ...runCase(rules, data.category, c) })));
}

/** Pass rate per class and kind. */
export function summarise(results: readonly CaseResult[]): Map<string, Record<Case['kind'] | 'all', { pass: number; total: number }>> {
  const out = new Map<string, Record<Case['kind'] | 'all', { pass: number; total: number }>>();
  for (const r of results) {
    const cls = r.file.replace(/\.yml$/, '');
    let row = out.get(cls);
    if (!row) out.set(cls, (row = { mft: { pass: 0, total: 0 }, inv: { pass: 0, total: 0 }, dir: { pass: 0, total: 0 }, trap: { pass: 0, total: 0 }, all: { pass: 0, total: 0 } }));
    for (const k of [r.c.kind, 'all'] as const) {
      row[k].total++;
      if (r.pass) row[k].pass++;
    }
  }
  return out;
}
