import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/api/handlers.js';
import type { Document } from '../../src/document/model.js';
import { draftStats, openDraft, revise } from '../../src/draft/draft.js';
import { historyOf, reportOf } from '../../src/draft/outputs.js';
import { Store } from '../../src/store/store.js';
import { builtInRules } from '../helpers.js';

/** A document as a reader gives it: a heading, a table row read as "Label: value", a paragraph. */
const DOC: Document = (() => {
  const text = 'Account\n\nLocation: Leeds\n\nAna claims she was kept in a flat. She claims she was not paid.';
  const at = (s: string) => text.indexOf(s);
  return {
    text,
    blocks: [
      { kind: 'heading', start: 0, end: 7, level: 1 },
      { kind: 'table-cell', start: at('Location'), end: at('Location') + 'Location'.length },
      { kind: 'table-cell', start: at('Leeds'), end: at('Leeds') + 5 },
      { kind: 'paragraph', start: at('Ana'), end: text.length, page: 2 },
    ],
  };
})();

const checker = { rules: builtInRules() };

describe('a draft', () => {
  it('keeps the structure it was read with through edits: blocks move, their kinds and pages stay', () => {
    const text = DOC.text.replace('Leeds', 'Leeds, West Yorkshire').replace('kept in a flat', 'kept in a locked flat');
    const doc = revise(DOC, text);
    expect(doc.blocks.map((b) => [b.kind, text.slice(b.start, b.end), b.page ?? null])).toEqual([
      ['heading', 'Account', null],
      ['table-cell', 'Location', null],
      ['table-cell', 'Leeds, West Yorkshire', null],
      ['paragraph', 'Ana claims she was kept in a locked flat. She claims she was not paid.', 2],
    ]);
  });

  it('reads text typed between blocks, and a paragraph split in two, as paragraphs', () => {
    const text = DOC.text.replace('Location: Leeds\n\n', 'Location: Leeds\n\nA new paragraph the user typed.\n\n').replace('flat. She', 'flat.\n\nShe');
    const doc = revise(DOC, text);
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => text.slice(b.start, b.end));
    expect(paragraphs).toEqual(['A new paragraph the user typed.', 'Ana claims she was kept in a flat.', 'She claims she was not paid.']);
  });

  it('keeps words typed at the start of a paragraph in that paragraph, and the finding they bring', () => {
    const text = DOC.text.replace('Ana claims', 'Apparently Ana claims');
    const doc = revise(DOC, text);
    expect(doc.blocks.map((b) => [b.kind, text.slice(b.start, b.end)])).toEqual([
      ['heading', 'Account'],
      ['table-cell', 'Location'],
      ['table-cell', 'Leeds'],
      ['paragraph', 'Apparently Ana claims she was kept in a flat. She claims she was not paid.'],
    ]);
    const d = openDraft({ name: 'a.docx', original: DOC, text, accepted: [], dismissed: [] }, checker);
    expect(d.lint().findings.map((f) => f.excerpt)).toContain('Apparently');
  });

  it('leaves open every finding not dismissed: one dismissal takes one finding, not all with those words', () => {
    const d0 = openDraft({ name: 'a.docx', original: DOC, text: DOC.text, accepted: [], dismissed: [] }, checker);
    const claims = d0.lint().findings.filter((f) => f.excerpt === 'claims');
    expect(claims).toHaveLength(2);
    const d1 = openDraft({ ...d0.input, dismissed: [{ finding: claims[0]!, reason: 'her own word' }] }, checker);
    expect(d1.open().filter((f) => f.excerpt === 'claims')).toHaveLength(1);
    expect(d1.score().total).toBeGreaterThan(d0.score().total);
    // the report and the history entry say the same
    const report = reportOf(d1);
    expect(report.score).toBe(d1.score().total);
    expect(report.findings.filter((f) => f.decision === 'Open')).toHaveLength(d1.open().length);
    const store = Store.open(':memory:');
    const id = store.addCheck({ ...historyOf(d1), fileName: 'a.docx', contentHash: 'a'.repeat(64), source: 'app' });
    expect(store.getCheck(id)!.score).toBe(d1.score().total);
    store.close();
  });

  it('is linted once per revision, however many views of it are asked for', async () => {
    const h = createHandlers(checker.rules, { store: Store.open(':memory:') });
    const draft = { name: 'a.docx', original: { text: DOC.text, blocks: DOC.blocks }, text: DOC.text.replace('a flat', 'a small flat'), accepted: [], dismissed: [] };
    const before = draftStats.lints;
    // one edit with the form view open: the app asks for the view, the form view and the history entry
    expect((await h.lint({ draft })).ok).toBe(true);
    expect((await h.formMap({ draft })).ok).toBe(true);
    expect((await h.historySave({ contentHash: 'b'.repeat(64), draft })).ok).toBe(true);
    expect((await h.exportReport({ draft, format: 'html' })).ok).toBe(true);
    expect(draftStats.lints - before).toBe(1);
    // the next edit is a new revision
    await h.lint({ draft: { ...draft, text: `${draft.text} More.` } });
    expect(draftStats.lints - before).toBe(2);
  });
});
