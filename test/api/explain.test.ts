import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/api/contract.js';
import { createHandlers } from '../../src/api/handlers.js';
import { builtInRules, typedDraft } from '../helpers.js';

const TEXT = `Account

Mira, 15, was taken to a flat in Leeds in March 2024. I doubt she was held against her will.

She said she did not choose to stay.`;

describe('the API explains a finding', () => {
  const h = createHandlers(builtInRules());

  it('reads the sentence at a finding and says why its rule applies', async () => {
    const lint = await h.lint({ draft: typedDraft(TEXT) });
    if (!lint.ok) throw new Error(lint.error.message);
    const f = lint.value.findings.find((x) => x.rule === 'disbelief/credibility-judgements')!;
    expect(f).toBeDefined();
    const r = await h.explain({ text: TEXT, at: f.start, subject: 'child' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sentence.text).toBe('I doubt she was held against her will.');
    expect(r.value.sentence.clauses[0]!.subject).toEqual({ text: 'I', role: 'writer' });
    expect(r.value.sentence.candidates.some((c) => c.rule === f.rule && c.fired)).toBe(true);
    expect(r.value.about).toMatch(/^a child/);
  });

  it('says why a rule stayed silent in a sentence the user asks about', async () => {
    const at = TEXT.indexOf('She said');
    const r = await h.explain({ text: TEXT, at, subject: 'child' });
    if (!r.ok) throw new Error(r.error.message);
    const choice = r.value.sentence.candidates.filter((c) => c.rule === 'victim-blaming/choice');
    expect(choice.length).toBeGreaterThan(0);
    expect(choice.every((c) => !c.fired)).toBe(true);
  });

  it('refuses bad input before the handler, and an offset outside the text', async () => {
    expect(parseInput('explain', { text: TEXT, at: -1 }).ok).toBe(false);
    expect(parseInput('explain', { text: TEXT, at: 0, extra: 1 }).ok).toBe(false);
    const r = await h.explain({ text: TEXT, at: TEXT.length + 10 });
    expect(r.ok).toBe(false);
  });
});
