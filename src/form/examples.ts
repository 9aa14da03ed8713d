/**
 * Every rule file's examples, the form checks' included: the rules layer runs the examples of terms, acronyms
 * and elements (src/rules/examples.ts); a form check's examples need the form's checks, which sit here.
 */
import { fromPlainText } from '../document/plain.js';
import { compileRules } from '../rules/compile.js';
import { runRuleExamples, type ExampleFailure } from '../rules/examples.js';
import type { LoadedRule, RuleData } from '../rules/load.js';
import type { FormCheckExample } from '../rules/schema.js';
import { checkForm } from './check.js';

export type { ExampleFailure };

/** One rule file's examples: a form check's through the form's checks, any other's through the engine. */
export function runExamples(data: RuleData, lr: LoadedRule): ExampleFailure[] {
  const r = lr.rule;
  if (r.kind !== 'form-check') return runRuleExamples(data, lr);
  const fails: ExampleFailure[] = [];
  const fail = (message: string) => fails.push({ rule: lr.id, file: lr.file, message });
  const compiled = compileRules({ ...data, rules: [lr] });
  const scopeSubject = r.applies_to === 'child' ? 'child' : r.applies_to === 'adult' ? 'adult' : undefined;
  const text = (e: FormCheckExample) => (typeof e === 'string' ? { text: e } : { text: e.repeat ? Array(e.repeat).fill(e.text).join('\n\n') : e.text, subject: e.subject });
  const issues = (e: FormCheckExample) => {
    const t = text(e);
    const subj = t.subject ?? scopeSubject;
    return checkForm(fromPlainText(t.text), compiled, subj ? { isChild: subj === 'child' } : {}).issues.filter((i) => i.rule === lr.id);
  };
  for (const e of r.examples.incorrect) if (!issues(e).length) fail(`incorrect example gave no finding: "${text(e).text.slice(0, 80)}"`);
  for (const e of r.examples.correct) {
    const got = issues(e);
    if (got.length) fail(`correct example was flagged: "${got[0]!.excerpt}" in "${text(e).text.slice(0, 80)}"`);
  }
  return fails;
}

export function checkAllExamples(data: RuleData): ExampleFailure[] {
  return data.rules.flatMap((lr) => runExamples(data, lr));
}
