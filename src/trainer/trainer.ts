/**
 * Trainer mode: built-in example drafts (written for this project, not real cases) and a step-through from
 * each original to its cleaned version. The steps come from the engine itself: every finding in the original
 * becomes one change (the rule's first suggestion, or the example's own wording where a rule has none), with
 * the rule's reason and source; every missing element becomes one addition written in the example file.
 * Each step also knows where its words are in the original and in the cleaned text, for the whole-draft
 * before/after view. A trainer's own draft becomes an example the same way, with the changes the rules can
 * word; what they cannot is listed for the trainer to talk through.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readYamlFile } from '../rules/yaml-file.js';
import { z } from 'zod';
import { fromPlainText } from '../document/plain.js';
import { lint } from '../engine/lint.js';
import { ELEMENTS, type Category, type ElementName, type LintResult } from '../engine/types.js';
import type { RuleSet } from '../rules/compile.js';
import { applySuggestions } from '../rewrite/apply.js';

export const EXAMPLES_DIR = fileURLToPath(new URL('./examples', import.meta.url));

const ExampleSchema = z
  .object({
    title: z.string().min(3).max(200),
    person: z.enum(['child', 'adult']),
    summary: z.string().min(10).max(1000),
    text: z.string().min(50).max(20_000),
    /** Wording for findings whose rule offers no replacement (or whose first one does not fit here). */
    changes: z.array(z.object({ find: z.string().min(1), replace: z.string(), why: z.string().min(10).optional() }).strict()).default([]),
    /** Text that adds each missing element: appended after `after` (a phrase of the text) or at the end. */
    additions: z.array(z.object({ element: z.enum(ELEMENTS), text: z.string().min(5), after: z.string().min(3).optional() }).strict()).default([]),
  })
  .strict();
export type ExampleFile = z.infer<typeof ExampleSchema>;

export interface TrainerStep {
  kind: 'change' | 'addition';
  /** What the step is about: a rule id, or the element added. */
  rule: string;
  category: Category | 'missing-element';
  element?: ElementName;
  /** The words before and after the step ("" before for an addition). */
  before: string;
  after: string;
  /** Why: the finding's message and the rule's rationale. */
  message: string;
  rationale: string;
  source: string;
  /** The whole text after this step, and where the change sits in it. */
  text: string;
  start: number;
  end: number;
  /** Where the changed words were in the original (changes only; an addition has none). */
  origStart?: number;
  origEnd?: number;
  /** Where the step's words are in the cleaned text. */
  finalStart: number;
  finalEnd: number;
}

export interface TrainerExample {
  id: string;
  title: string;
  person: 'child' | 'adult';
  summary: string;
  original: string;
  result: LintResult;
  steps: TrainerStep[];
  cleaned: string;
  categories: Category[];
  missing: ElementName[];
  /** What the rules found but could not word here (a trainer's own draft): the finding's message, for talking through. */
  left: string[];
}

export class TrainerError extends Error {
  override name = 'TrainerError';
}

export function readExampleFiles(dir = EXAMPLES_DIR): { id: string; file: string; data: ExampleFile }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const parsed = readYamlFile(file, ExampleSchema, f);
      if (!parsed.ok) throw new TrainerError(parsed.message);
      return { id: f.replace(/\.yml$/, ''), file, data: parsed.data };
    });
}

const sourceText = (s: { id: string; title: string; locator?: string }) => `${s.title}${s.locator ? ` (${s.locator})` : ''}`;

/**
 * Moves the marks already made when a step replaces `[at, at + removed)` by `added` characters: what lies
 * after the edit moves with it, what lies before stays.
 */
function shiftMarks(marks: { finalStart: number; finalEnd: number }[], at: number, removed: number, added: number): void {
  const d = added - removed;
  for (const m of marks) {
    if (m.finalStart >= at + removed) m.finalStart += d;
    if (m.finalEnd > at || (m.finalEnd === at && removed > 0)) m.finalEnd += d;
  }
}

/**
 * Builds the step-through for one example. `own`: a trainer's own draft, where a finding with no wording and a
 * missing element with no addition are listed in `left` instead of being an error in the example file.
 */
export function buildExample(id: string, ex: ExampleFile, rules: RuleSet, opts: { own?: boolean } = {}): TrainerExample {
  const original = ex.text.trim() + '\n';
  const result = lint(fromPlainText(original), rules, { cache: false });
  const findings = [...result.findings].sort((a, b) => a.start - b.start);
  const steps: TrainerStep[] = [];
  const left: string[] = [];
  // One change per finding, applied in document order; offsets shift by what earlier steps changed.
  let text = original;
  let shift = 0;
  let lastEnd = -1;
  for (const f of findings) {
    if (f.start < lastEnd) continue; // overlaps a change already made
    const manual = ex.changes.find((c) => {
      const at = original.indexOf(c.find);
      return at >= 0 && at <= f.start && at + c.find.length >= f.end;
    });
    let start = f.start;
    let end = f.end;
    let replacement: string | undefined = f.suggestions[0];
    if (manual) {
      start = original.indexOf(manual.find);
      end = start + manual.find.length;
      replacement = manual.replace;
      if (start < lastEnd) continue;
    }
    if (replacement === undefined) {
      if (!opts.own) throw new TrainerError(`${id}: "${f.excerpt}" (${f.rule}) has no suggestion; add a change for it`);
      left.push(f.message);
      continue;
    }
    const edit = { start: start + shift, end: end + shift, replacement };
    text = applySuggestions(text, [edit]).text;
    shiftMarks(steps, edit.start, end - start, replacement.length);
    const after = text.slice(edit.start, edit.start + replacement.length);
    steps.push({
      kind: 'change',
      rule: f.rule,
      category: f.category,
      before: original.slice(start, end),
      after,
      message: f.message,
      rationale: manual?.why ? `${manual.why} ${f.rationale}` : f.rationale,
      source: sourceText(f.source),
      text,
      start: edit.start,
      end: edit.start + replacement.length,
      origStart: start,
      origEnd: end,
      finalStart: edit.start,
      finalEnd: edit.start + replacement.length,
    });
    shift += replacement.length - (end - start);
    lastEnd = end;
  }
  for (const m of result.missing) {
    const add = ex.additions.find((a) => a.element === m.element);
    if (!add && opts.own) {
      left.push(m.message);
      continue;
    }
    if (!add) throw new TrainerError(`${id}: the element "${m.element}" is missing and the example has no addition for it`);
    let at: number;
    let insert: string;
    if (add.after) {
      const i = text.indexOf(add.after);
      if (i < 0) throw new TrainerError(`${id}: the addition for "${m.element}" is to follow "${add.after}", which is not in the text`);
      at = i + add.after.length;
      insert = ` ${add.text.trim()}`;
    } else {
      // A new paragraph at the end.
      const trimmed = text.replace(/\s*$/, '\n');
      shiftMarks(steps, trimmed.length - 1, text.length - trimmed.length + 1, 1);
      text = trimmed;
      at = text.length;
      insert = `\n${add.text.trim()}\n`;
    }
    text = text.slice(0, at) + insert + text.slice(at);
    shiftMarks(steps, at, 0, insert.length);
    const startAt = at + (insert.length - insert.trimStart().length);
    steps.push({
      kind: 'addition',
      rule: m.rule,
      category: 'missing-element',
      element: m.element,
      before: '',
      after: add.text.trim(),
      message: m.message,
      rationale: `${m.question} ${m.rationale}`,
      source: sourceText(m.source),
      text,
      start: startAt,
      end: startAt + add.text.trim().length,
      finalStart: startAt,
      finalEnd: startAt + add.text.trim().length,
    });
  }
  return {
    id,
    title: ex.title,
    person: ex.person,
    summary: ex.summary,
    original,
    result,
    steps,
    cleaned: text,
    categories: [...new Set(result.findings.map((f) => f.category))],
    missing: result.missing.map((m) => m.element),
    left,
  };
}

/** A trainer's own draft (its plain text) as an example for this session: never kept, never a file. */
export function ownExample(name: string, text: string, rules: RuleSet): TrainerExample {
  const subject = lint(fromPlainText(text.trim() + '\n'), rules, { cache: false }).subject;
  const ex: ExampleFile = { title: name, person: subject.isChild ? 'child' : 'adult', summary: 'Your own draft, shown as an example for this session only: it is not kept.', text, changes: [], additions: [] };
  return buildExample('own', ex, rules, { own: true });
}

let cache: TrainerExample[] | undefined;
let cachedFor: RuleSet | undefined;

export function loadExamples(rules: RuleSet, dir = EXAMPLES_DIR): TrainerExample[] {
  if (cache && cachedFor === rules && dir === EXAMPLES_DIR) return cache;
  const list = readExampleFiles(dir).map((e) => buildExample(e.id, e.data, rules));
  if (dir === EXAMPLES_DIR) {
    cache = list;
    cachedFor = rules;
  }
  return list;
}
