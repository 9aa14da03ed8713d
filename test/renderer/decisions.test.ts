import { describe, expect, it } from 'vitest';
import type { DraftView, Finding } from '../../src/api/contract.js';
import { applySuggestions } from '../../src/rewrite/apply.js';
import { emptySession, reducer, decisions, type Action, type Session } from '../../renderer/src/state.js';

const TEXT = 'He was a misper in March. She claims she was not paid.\n\nShe lives in Leeds.';

function finding(text: string, rule: string, words: string, suggestion?: string): Finding {
  const start = text.indexOf(words);
  return { rule, category: 'jargon', severity: 'warning', start, end: start + words.length, excerpt: words, message: '', suggestions: suggestion === undefined ? [] : [suggestion], rationale: '', source: { id: 'x', title: 'x' } } as Finding;
}
const misper = finding(TEXT, 'jargon/police-jargon', 'misper', 'missing person');
const claims = finding(TEXT, 'disbelief/claims', 'claims', 'said');
const view = { findings: [misper, claims], open: [misper, claims], missing: [], score: { total: 80, parts: [] } } as unknown as DraftView;

const run = (s: Session, ...actions: Action[]) => actions.reduce(reducer, s);
const opened = run(emptySession, { type: 'opened', name: 'a.txt', text: TEXT, blocks: [], result: view, warnings: [] });

/** The action the check view dispatches when a suggestion is accepted. */
function accept(s: Session, f: Finding): Action {
  const applied = applySuggestions(s.text, [{ start: s.text.indexOf(f.excerpt), end: s.text.indexOf(f.excerpt) + f.excerpt.length, replacement: f.suggestions[0]! }]);
  return { type: 'edited', text: applied.text, accepted: [{ finding: f, suggestion: f.suggestions[0]! }], changes: applied.changes };
}

describe('decisions in the check view', () => {
  it('a dismissal is undone by Ctrl+Z as an edit is, and comes back with redo', () => {
    const s1 = run(opened, { type: 'dismissed', finding: claims, reason: "The person's own words" });
    expect(s1.result!.open).toEqual([misper]);
    const s2 = run(s1, { type: 'undo' });
    expect(s2.dismissed).toEqual([]);
    expect(s2.text).toBe(TEXT);
    expect(run(s2, { type: 'redo' }).dismissed.map((d) => d.reason)).toEqual(["The person's own words"]);
  });

  it('undoing an accepted suggestion with Ctrl+Z takes it off the accepted list too', () => {
    const s1 = run(opened, accept(opened, misper));
    expect(s1.text).toContain('a missing person in March');
    expect(decisions(s1).accepted).toEqual([{ finding: misper, suggestion: 'missing person' }]);
    const s2 = run(s1, { type: 'undo' });
    expect(s2.text).toBe(TEXT);
    expect(s2.acceptedList).toEqual([]);
    expect(s2.accepted).toBe(0);
  });

  it('one dismissal is undone from the Resolved list, leaving the others', () => {
    const s1 = run(opened, { type: 'dismissed', finding: misper, reason: 'A name or service' }, { type: 'dismissed', finding: claims, reason: 'Not a problem here' });
    const s2 = run(s1, { type: 'undismissed', index: 0 });
    expect(s2.dismissed.map((d) => d.excerpt)).toEqual(['claims']);
    // and that, too, can be undone
    expect(run(s2, { type: 'undo' }).dismissed).toHaveLength(2);
  });

  it('one accepted suggestion is undone from the Resolved list after edits elsewhere, the edits kept', () => {
    const s1 = run(opened, accept(opened, misper));
    // typed before it, then after it
    const s2 = run(s1, { type: 'edited', text: `Referral. ${s1.text}` }, { type: 'edited', text: `Referral. ${s1.text}`.replace('Leeds', 'Leeds city') });
    expect(s2.acceptedList[0]!.at).toBeDefined();
    const s3 = run(s2, { type: 'unaccepted', index: 0 });
    expect(s3.text).toBe(`Referral. ${TEXT}`.replace('Leeds', 'Leeds city'));
    expect(s3.acceptedList).toEqual([]);
  });

  it('an accepted suggestion whose words were edited since is not undone on its own', () => {
    const s1 = run(opened, accept(opened, misper));
    const s2 = run(s1, { type: 'edited', text: s1.text.replace('missing person', 'missing child') });
    expect(s2.acceptedList[0]!.at).toBeUndefined();
    expect(run(s2, { type: 'unaccepted', index: 0 })).toBe(s2);
  });
});
