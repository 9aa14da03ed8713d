import { describe, expect, it } from 'vitest';
import { fromPlainText } from '../../src/document/plain.js';
import { lint } from '../../src/engine/lint.js';
import { CATEGORIES, ELEMENTS } from '../../src/engine/types.js';
import { loadExamples, ownExample, readExampleFiles } from '../../src/trainer/trainer.js';
import { builtInRules } from '../helpers.js';

const examples = loadExamples(builtInRules());

describe('trainer examples', () => {
  it('are at least ten, about adults and children, covering every category and every missing element', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(new Set(examples.map((e) => e.person))).toEqual(new Set(['child', 'adult']));
    expect(new Set(examples.flatMap((e) => e.categories))).toEqual(new Set(CATEGORIES));
    expect(new Set(examples.flatMap((e) => e.missing))).toEqual(new Set(ELEMENTS));
  });

  for (const e of examples) {
    describe(e.id, () => {
      it('is about the person it says (the engine agrees) and has something to teach', () => {
        expect(e.result.subject.isChild).toBe(e.person === 'child');
        expect(e.steps.length).toBeGreaterThan(1);
      });

      it('steps from the original to a cleaned draft with nothing left to flag or add', () => {
        const final = lint(fromPlainText(e.cleaned), builtInRules(), { cache: false });
        expect(final.findings.map((f) => `${f.rule}: ${f.excerpt}`)).toEqual([]);
        expect(final.missing.map((m) => m.element)).toEqual([]);
        expect(e.steps.at(-1)!.text).toBe(e.cleaned);
      });

      it('gives the reason and source for every change, and each change sits where it says', () => {
        for (const s of e.steps) {
          expect(s.message.length).toBeGreaterThan(10);
          expect(s.rationale.length).toBeGreaterThan(20);
          expect(s.source.length).toBeGreaterThan(3);
          expect(s.text.slice(s.start, s.end)).toBe(s.after);
          if (s.kind === 'change') expect(e.original).toContain(s.before);
        }
        expect(e.steps.filter((s) => s.kind === 'addition').map((s) => s.element)).toEqual(e.missing);
      });

      it('marks every change where it was in the original and where it is in the cleaned draft (the before/after view)', () => {
        for (const s of e.steps) {
          expect(e.cleaned.slice(s.finalStart, s.finalEnd)).toBe(s.after);
          if (s.kind === 'change') expect(e.original.slice(s.origStart, s.origEnd)).toBe(s.before);
        }
        // in order and never overlapping, so both sides can be drawn as one run of text and marks
        const spans = [...e.steps].sort((a, b) => a.finalStart - b.finalStart);
        for (let i = 1; i < spans.length; i++) expect(spans[i]!.finalStart).toBeGreaterThanOrEqual(spans[i - 1]!.finalEnd);
      });
    });
  }

  it('use every change and addition they are written with (no dead wording)', () => {
    for (const { id, data } of readExampleFiles()) {
      const ex = examples.find((e) => e.id === id)!;
      for (const c of data.changes) expect(ex.steps.some((s) => s.kind === 'change' && s.before === c.find), `${id}: ${c.find}`).toBe(true);
      for (const a of data.additions) expect(ex.missing, `${id}: ${a.element}`).toContain(a.element);
    }
  });

  it("turn a trainer's own draft into an example: the changes the rules can word, and a list of what is left to talk through", () => {
    const own = ownExample('my-draft.txt', 'Referral for a woman aged 34. She claims she was trafficked. She is a prostitute and chose to stay with him.', builtInRules());
    expect(own.title).toBe('my-draft.txt');
    expect(own.person).toBe('adult');
    expect(own.steps.length).toBeGreaterThan(0);
    for (const s of own.steps) expect(own.cleaned.slice(s.finalStart, s.finalEnd)).toBe(s.after);
    expect(own.cleaned).not.toContain('claims');
    // the missing elements have no wording in a trainer's own draft: they are left for the trainer
    expect(own.left.length).toBeGreaterThanOrEqual(own.missing.length);
  });
});
