import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/api/contract.js';
import { findingKeys, placeOn } from '../../renderer/src/finding-keys.js';

/** A finding of `rule` on the `n`th occurrence of `words` in `text` (only what the keys look at matters). */
function finding(text: string, rule: string, words: string, n = 0): Finding {
  let start = -1;
  for (let k = 0; k <= n; k++) start = text.indexOf(words, start + 1);
  return { rule, category: 'disbelief', severity: 'warning', start, end: start + words.length, excerpt: words, message: `Avoid '${words}'.`, suggestions: [], rationale: '', source: { id: 'x', title: 'x' } } as Finding;
}

const BEFORE = 'She claims she was kept in a flat.\n\nShe claims she was not paid. He claims so too.\n\nApparently she left.\n';
const found = (text: string) => [finding(text, 'disbelief/claims', 'claims', 0), finding(text, 'disbelief/claims', 'claims', 1), finding(text, 'disbelief/claims', 'claims', 2), finding(text, 'disbelief/hedges', 'Apparently')];

describe("a finding's identity in the check view", () => {
  it('survives an edit in another paragraph, though every offset after it moves', () => {
    const after = BEFORE.replace('kept in a flat', 'kept for months in a locked flat');
    const [k0, k1, k2, k3] = findingKeys(BEFORE, found(BEFORE));
    const [n0, n1, n2, n3] = findingKeys(after, found(after));
    expect(n0).not.toBe(k0); // the edited paragraph's finding is new
    expect([n1, n2, n3]).toEqual([k1, k2, k3]);
  });

  it('tells the same words twice in one paragraph apart, and can name an element', () => {
    const keys = findingKeys(BEFORE, found(BEFORE));
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).not.toMatch(/\s/);
  });

  it('places the findings on the text typed since the check: after the edit they move, in it they wait for the next check', () => {
    const findings = found(BEFORE);
    const keys = findingKeys(BEFORE, findings);
    expect(placeOn(BEFORE, BEFORE, findings, keys)).toEqual({ findings, keys });
    const now = BEFORE.replace('She claims she was not', 'She says she was not');
    const placed = placeOn(BEFORE, now, findings, keys);
    expect(placed.keys).toEqual([keys[0], keys[2], keys[3]]);
    expect(placed.findings.map((f) => now.slice(f.start, f.end))).toEqual(['claims', 'claims', 'Apparently']);
  });
});
