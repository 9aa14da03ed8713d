/**
 * Behavioural cases for the missing-element checks (test/behaviour/elements.cases.yml): a draft fragment and
 * whether one element is present in it. Written from the elements' definitions: `mft` present in plain or
 * unusual wording, `inv` the same in other words, and `decoy`, `negated`, `generic`, `other-voice` cases where
 * something that looks like the element is not evidence of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { checkText, type RuleSet } from '../../src/index.js';
import { CASES_DIR } from './cases.js';

export interface ElementCase {
  element: string;
  kind: string;
  subject?: 'child' | 'adult';
  text: string;
  expect: 'present' | 'missing';
}

export const ELEMENTS_FILE = path.join(CASES_DIR, 'elements.cases.yml');

export function loadElementCases(file = ELEMENTS_FILE): ElementCase[] {
  if (!fs.existsSync(file)) return [];
  return (parse(fs.readFileSync(file, 'utf8')) as { cases: ElementCase[] }).cases;
}

export function runElementCase(rules: RuleSet, c: ElementCase): { pass: boolean; missing: string[] } {
  const r = checkText(c.text, rules, { subject: { isChild: c.subject === 'child' } });
  const missing = r.missing.map((m) => m.element);
  // a fragment states the element when any of its senses matched: indicators need two kinds in a draft, but
  // a case is one sentence with one
  const stated = r.present.some((p) => p.element === c.element) || Boolean(r.missing.find((m) => m.element === c.element)?.found?.length);
  return { pass: stated === (c.expect === 'present'), missing };
}

/** Pass rate per element, and per expectation (present / missing). */
export function summariseElements(rules: RuleSet, cases: readonly ElementCase[]) {
  const rows = new Map<string, { present: [number, number]; missing: [number, number] }>();
  const fails: string[] = [];
  for (const c of cases) {
    const { pass } = runElementCase(rules, c);
    let row = rows.get(c.element);
    if (!row) rows.set(c.element, (row = { present: [0, 0], missing: [0, 0] }));
    row[c.expect][1]++;
    if (pass) row[c.expect][0]++;
    else fails.push(`${c.element} ${c.kind} expect ${c.expect}: ${c.text}`);
  }
  return { rows, fails };
}
