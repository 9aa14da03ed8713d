import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromPlainText, lint } from '../../src/index.js';
import { builtInRules } from '../helpers.js';

const draft = fs.readFileSync(new URL('../../test/fixtures/sample-draft.txt', import.meta.url), 'utf8');

describe('re-linting after an edit', () => {
  it('gives the same result as a fresh lint of the edited text', () => {
    const rules = builtInRules();
    lint(fromPlainText(draft), rules);
    const edited = draft.replace('She claims that', 'She said that');
    const warm = lint(fromPlainText(edited), rules);
    const cold = lint(fromPlainText(edited), rules, { cache: false });
    expect(warm).toEqual(cold);
    expect(warm.findings.some((f) => f.excerpt === 'claims')).toBe(false);
  });
});
