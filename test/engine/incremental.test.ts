import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clearCaches, fromPlainText, lint } from '../../src/index.js';
import { builtInRules } from '../helpers.js';

const draft = fs.readFileSync(new URL('../../test/fixtures/sample-draft.txt', import.meta.url), 'utf8');

/** A lint with nothing remembered from earlier drafts or earlier versions of this one. */
function cold(text: string) {
  clearCaches();
  return lint(fromPlainText(text), builtInRules(), { cache: false });
}

/** A draft that introduces the person on a form's label and names another party who "claims" things. */
const named = [
  'Name: Ana Popa',
  'Ana, aged 19, came to the UK in May 2024 with a man she calls Nicu.',
  'Account',
  'Nicu claims the family owes him £3,000. Ana says she had to hand over her wages every Friday.',
  'She claims she was never allowed out alone, and she told me, "He kept my passport in his car."',
  'Background',
  'Ana grew up in Iasi and left school at 16.',
  'Plans',
  'She will stay at the refuge in Leeds until a safe house is found.',
].join('\n\n');

const paras = (t: string) => t.split('\n\n');
const join = (ps: string[]) => ps.join('\n\n');

/** Edits a writer makes to any draft, each turning it into its next version. */
const EDITS: [string, (t: string) => string][] = [
  ['a word changed', (t) => t.replace(/ (\w+)\./, ' $1 again.')],
  ['a word changed for one as long', (t) => t.replace('claims', 'states')],
  ['a paragraph added in the middle', (t) => join(paras(t).toSpliced(3, 0, 'She was made to sleep in the van on the nights she earned less than £50.'))],
  ['a paragraph removed', (t) => join(paras(t).toSpliced(3, 1))],
  ['a paragraph written twice', (t) => join(paras(t).toSpliced(4, 0, paras(t)[4]!))],
  ['two paragraphs swapped', (t) => { const p = paras(t); [p[3], p[4]] = [p[4]!, p[3]!]; return join(p); }],
  ['a heading renamed, so what is under it changes section', (t) => { const p = paras(t); const h = p.findIndex((x, i) => i > 0 && x.length < 40 && !/[.:]/.test(x)); p[h] = 'Background'; return join(p); }],
  ['the first paragraph removed', (t) => join(paras(t).slice(1))],
  ['everything but the last paragraph removed', (t) => paras(t).at(-1)!],
];

/** Edits to the draft that names the person and another party. */
const NAME_EDITS: [string, (t: string) => string][] = [
  ["the name on the person's label changed", (t) => t.replace('Name: Ana Popa', 'Name: Nicu Popa')],
  ['the name put back', (t) => t.replace('Name: Nicu Popa', 'Name: Ana Popa')],
  ...EDITS,
];

/** A draft with no label or age for the person: the person is the name it uses most. */
const unlabelled = [
  'I first met Ana in May 2024; she came to the UK with a man called Nicu.',
  'Ana says Nicu took her wages every Friday.',
  'Nicu claims the family owes him £3,000.',
  'Ana claims she was never allowed out alone.',
  'Ana told me Nicu kept her passport, and Ana showed me the bruises.',
].join('\n\n');

describe('re-linting after an edit', () => {
  it('gives the same result as a fresh lint of the edited text', () => {
    const rules = builtInRules();
    lint(fromPlainText(draft), rules);
    const edited = draft.replace('She claims that', 'She said that');
    const warm = lint(fromPlainText(edited), rules);
    expect(warm).toEqual(cold(edited));
    expect(warm.findings.some((f) => f.excerpt === 'claims')).toBe(false);
  });

  it.each([
    ['the sample draft', draft, EDITS],
    ['a draft that names the person and another party', named, NAME_EDITS],
  ])('gives what a fresh lint gives after every kind of edit, one after another (%s)', (_, start, edits) => {
    const rules = builtInRules();
    let text = start;
    lint(fromPlainText(text), rules);
    for (const [what, edit] of edits) {
      const next = edit(text);
      expect(next, what).not.toBe(text);
      text = next;
      const warm = lint(fromPlainText(text), rules);
      expect(warm, what).toEqual(cold(text));
      // and again straight after, with everything of this version remembered
      expect(lint(fromPlainText(text), rules), what).toEqual(warm);
    }
  });

  it('reads the person by the name on their label, and follows that label when it is edited', () => {
    const rules = builtInRules();
    const claims = (t: string) => lint(fromPlainText(t), rules).findings.filter((f) => f.excerpt.toLowerCase() === 'claims').map((f) => t.slice(f.start, f.start + 24));
    // Nicu is another party: "Nicu claims the family owes him" is his claim, not the writer doubting Ana
    expect(claims(named)).toEqual(['claims she was never all']);
    // with Nicu on the person's label, it is the person's account the writer calls a claim
    expect(claims(named.replace('Name: Ana Popa', 'Name: Nicu Popa'))).toContain('claims the family owes h');
    expect(claims(named)).toEqual(['claims she was never all']);
  });

  it('follows the name a draft uses most when an edit uses another name more, in a paragraph that already had it', () => {
    const rules = builtInRules();
    const claims = (t: string) => lint(fromPlainText(t), rules).findings.filter((f) => f.excerpt.toLowerCase() === 'claims').map((f) => t.slice(f.start, f.start + 16));
    const more = unlabelled.replace('Ana says Nicu took', 'Ana says Nicu and Nicu and Nicu took');
    expect(claims(unlabelled)).toEqual(['claims she was n']);
    expect(claims(more)).toEqual(['claims the famil']);
    expect(claims(unlabelled)).toEqual(['claims she was n']);
    for (const t of [unlabelled, more, unlabelled]) expect(lint(fromPlainText(t), rules)).toEqual(cold(t));
  });

  it('lints two drafts in turn, each as it would be alone', () => {
    const rules = builtInRules();
    for (let i = 0; i < 3; i++) {
      for (const t of [draft, named, EDITS[1]![1](named)]) expect(lint(fromPlainText(t), rules)).toEqual(cold(t));
    }
  });
});
