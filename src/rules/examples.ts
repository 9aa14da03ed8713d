/**
 * Runs every rule's examples, the way ESLint's RuleTester runs valid and invalid cases: each "incorrect"
 * example must get a finding from that rule (and, with `output`, the first suggestions must give exactly that
 * text); each "correct" example must get none; a required element's "missing" and "present" examples must be
 * reported missing and present. Each rule is run on its own, so another rule cannot hide its findings.
 */
import { fromPlainText } from '../document/plain.js';
import { lint } from '../engine/lint.js';
import { fluencyProblems } from '../engine/fluency.js';
import { applySuggestions } from '../rewrite/apply.js';
import { compileRules } from './compile.js';
import type { LoadedRule, RuleData } from './load.js';
import type { Example } from './schema.js';

export interface ExampleFailure {
  rule: string;
  file: string;
  message: string;
}

function norm(e: Example): { text: string; subject?: 'child' | 'adult'; output?: string } {
  return typeof e === 'string' ? { text: e } : e;
}

export function runRuleExamples(data: RuleData, lr: LoadedRule): ExampleFailure[] {
  const fails: ExampleFailure[] = [];
  const compiled = compileRules({ ...data, rules: [lr] });
  // A rule of the form's own set is run as the form check runs it.
  const set = lr.rule.set === 'form' ? compiled.form! : compiled;
  const fail = (message: string) => fails.push({ rule: lr.id, file: lr.file, message });
  const r = lr.rule;
  const scopeSubject = r.applies_to === 'child' ? 'child' : r.applies_to === 'adult' ? 'adult' : undefined;
  const run = (e: ReturnType<typeof norm>) => {
    const subj = e.subject ?? scopeSubject;
    const doc = fromPlainText(e.text);
    return { doc, res: lint(doc, set, { cache: false, ...(subj ? { subject: { isChild: subj === 'child' } } : {}) }) };
  };
  // a form check's examples run through the form's checks, a layer above (src/form/examples.ts)
  if (r.kind === 'form-check') return fails;
  if (r.kind === 'required') {
    for (const raw of r.examples.missing) {
      const e = norm(raw);
      if (!run(e).res.missing.some((m) => m.element === r.element)) fail(`"${e.text}" should be reported as missing ${r.element}`);
    }
    for (const raw of r.examples.present) {
      const e = norm(raw);
      if (run(e).res.missing.some((m) => m.element === r.element)) fail(`"${e.text}" should count as having ${r.element}`);
    }
    return fails;
  }
  for (const raw of r.examples.incorrect) {
    const e = norm(raw);
    const { doc, res } = run(e);
    const mine = res.findings.filter((f) => f.rule === lr.id);
    if (!mine.length) {
      fail(`incorrect example gave no finding: "${e.text}"`);
      continue;
    }
    if (e.output !== undefined) {
      const edits = mine.filter((f) => f.suggestions.length).map((f) => ({ start: f.start, end: f.end, replacement: f.suggestions[0]! }));
      const out = applySuggestions(doc.text, edits).text;
      if (out !== e.output) fail(`"${e.text}"\n    gave    "${out}"\n    expected "${e.output}"`);
    }
    // every suggestion, applied on its own, leaves a fluent sentence
    for (const f of mine) {
      for (const sug of f.suggestions) {
        const out = applySuggestions(doc.text, [{ start: f.start, end: f.end, replacement: sug }]).text;
        const problems = fluencyProblems(out).filter((p) => !fluencyProblems(doc.text).some((q) => q.excerpt === p.excerpt));
        if (problems.length) fail(`"${e.text}" with "${sug}" is not fluent (${problems.map((p) => `${p.kind}: "${p.excerpt}"`).join(', ')}): "${out}"`);
      }
    }
  }
  for (const raw of r.examples.correct) {
    const e = norm(raw);
    const mine = run(e).res.findings.filter((f) => f.rule === lr.id);
    if (mine.length) fail(`correct example was flagged ("${mine.map((f) => f.excerpt).join('", "')}"): "${e.text}"`);
  }
  return fails;
}
