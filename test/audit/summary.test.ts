import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/audit/summary.js';

describe('the audit summary', () => {
  it('names the most frequent rules in words, most frequent first, as the history does (issue 17)', () => {
    const s = summarize([
      { status: 'checked', score: 60, rules: { 'victim-blaming/risk-behaviour': 2, 'disbelief/claims': 1 } },
      { status: 'checked', score: 80, rules: { 'victim-blaming/risk-behaviour': 1, 'jargon/acronyms': 3 } },
      { status: 'error', error: 'Encrypted' },
    ]);
    expect(s.topRules).toEqual([
      { label: 'Jargon: acronyms', value: 3 },
      { label: 'Victim-blaming: risk behaviour', value: 3 },
      { label: 'Disbelief: claims', value: 1 },
    ]);
  });
});
