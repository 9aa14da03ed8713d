import { describe, expect, it } from 'vitest';
import { ELEMENTS, FORM_ELEMENTS } from '../../src/engine/types.js';
import { FORM_CHECKS } from '../../src/engine/rule-set.js';
import { DEFAULT_RULES_DIR } from '../../src/index.js';
import { runExamples as runRuleExamples } from '../../src/form/examples.js';
import { loadRuleDirs } from '../../src/rules/load.js';

// Every rule's own examples run as tests: incorrect ones must be flagged (and rewritten exactly as their
// `output` says), correct ones (the traps) must stay silent.
const data = loadRuleDirs([DEFAULT_RULES_DIR]);

describe('rule examples', () => {
  for (const lr of data.rules) {
    it(lr.id, () => {
      expect(runRuleExamples(data, lr).map((f) => f.message)).toEqual([]);
    });
  }
});

describe('rule data', () => {
  it('has at least 120 term entries, each rule with a rationale and a known source', () => {
    let entries = 0;
    for (const { rule } of data.rules) {
      if (rule.kind === 'terms') entries += rule.terms.length;
      if (rule.kind === 'acronyms') entries += Object.keys(rule.expansions).length;
      expect(rule.rationale.length).toBeGreaterThan(40);
      expect(data.sources[rule.source.id]).toBeDefined();
    }
    expect(entries).toBeGreaterThanOrEqual(120);
  });

  it('covers all three categories, all eight elements, and every form element and form check', () => {
    const cats = new Set(data.rules.flatMap(({ rule }) => ('category' in rule ? [rule.category] : [])));
    expect([...cats].sort()).toEqual(['disbelief', 'jargon', 'victim-blaming']);
    const core = new Set(data.rules.flatMap(({ rule }) => (rule.kind === 'required' && rule.set === 'core' ? [rule.element] : [])));
    expect([...core].sort()).toEqual([...ELEMENTS].sort());
    const form = new Set(data.rules.flatMap(({ rule }) => (rule.kind === 'required' && rule.set === 'form' ? [rule.element] : [])));
    expect([...form].sort()).toEqual([...FORM_ELEMENTS].sort());
    const checks = new Set(data.rules.flatMap(({ rule }) => (rule.kind === 'form-check' ? [rule.check] : [])));
    expect([...checks].sort()).toEqual([...FORM_CHECKS].sort());
  });
});
