import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromPlainText } from '../../src/document/plain.js';
import { lint } from '../../src/engine/lint.js';
import { applySuggestions } from '../../src/rewrite/apply.js';
import { fluencyProblems } from '../../src/engine/fluency.js';
import { builtInRules } from '../helpers.js';
import { loadRules } from '../../src/index.js';

const CORPORA = ['dev', 'dev2'].map((d) => path.resolve(import.meta.dirname, '../../../shared/corpus', d)).filter((d) => fs.existsSync(d));

/** The sentence around offset `at`. */
function sentenceAt(text: string, at: number): string {
  const before = text.slice(0, at);
  const from = Math.max(before.lastIndexOf('\n'), before.search(/[.!?]\s+[^.!?]*$/) >= 0 ? before.search(/[.!?]\s+[^.!?]*$/) + 2 : 0) + 0;
  const rest = text.slice(at);
  const end = rest.search(/[.!?](\s|$)|\n/);
  return text.slice(Math.max(0, from), at + (end < 0 ? rest.length : end + 1)).trim();
}

describe('ranking suggestions by fit', () => {
  it('puts first the rewrite that fits the sentence, and drops one that would be flagged itself or reads badly', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-rank-'));
    fs.mkdirSync(path.join(dir, 'custom'));
    fs.writeFileSync(
      path.join(dir, 'custom', 'rank.yml'),
      `kind: terms
category: victim-blaming
severity: warning
message: "'{match}' is a test label; write '{suggestion}'."
rationale: A rule written for the ranking test, with suggestions of different fit.
source: { id: FRT26 }
terms:
  - match: "[zorble]"
    suggest: ["an absconder", "an child who went missing", "a child who went missing"]
examples:
  incorrect: ["Staff called him a zorble."]
  correct: ["Nothing here."]
`,
    );
    try {
      const rules = loadRules({ extraDirs: [dir] });
      const r = lint(fromPlainText('Account\n\nStaff called him zorble after he ran from the home.'), rules, { subject: { isChild: true } });
      const f = r.findings.find((x) => x.rule === 'custom/rank')!;
      // "an absconder" is itself a label for a child; "an child" reads badly
      expect(f.suggestions).toEqual(['a child who went missing']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the fluency check', () => {
  it('finds the mistakes templates make', () => {
    expect(fluencyProblems('She lives in an house with four men.').map((p) => p.kind)).toEqual(['article']);
    expect(fluencyProblems('She has been being groomed by him.').map((p) => p.kind)).toEqual(['aspect']);
    expect(fluencyProblems('They says he is 16.').map((p) => p.kind)).toEqual(['agreement']);
    expect(fluencyProblems('He was taken to to the flat.').map((p) => p.kind)).toEqual(['doubled']);
    expect(fluencyProblems('She was exploited by.').map((p) => p.kind)).toEqual(['dangling']);
    expect(fluencyProblems('She was a victim of {exploit}.').map((p) => p.kind)).toEqual(['template']);
    expect(fluencyProblems('An HMO in Luton was a house in multiple occupation, and he had an hour a day.')).toEqual([]);
  });
});

describe('suggestions fit the sentence they go into', () => {
  const first = (text: string, rule: string) => lint(fromPlainText(text), builtInRules()).findings.find((f) => f.rule === rule)?.suggestions[0];
  it('builds the clause: tense, pronoun and agreement follow the sentence', () => {
    expect(first('Minh claims to be 16 and says he came by lorry.', 'disbelief/claims')).toBe('says he is');
    expect(first('Ana claimed to be 15 when she was found.', 'disbelief/claims')).toBe('said she was');
    // the clause's own subject decides, not the next pronoun in the paragraph
    expect(first('He claims to be 16, and she says the same.', 'disbelief/claims')).toBe('says he is');
    expect(first('If their account holds up, they were held for a year.', 'disbelief/hedges')).toBe('They say');
  });
  it('fixes the article and drops the acronym a draft uses only once', () => {
    const f = lint(fromPlainText('She lives in an HMO in Luton.'), builtInRules()).findings[0]!;
    expect([f.excerpt, f.suggestions[0]]).toEqual(['an HMO', 'a house in multiple occupation']);
    const g = lint(fromPlainText('She lives in an HMO. The HMO is crowded.'), builtInRules()).findings[0]!;
    expect(g.suggestions[0]).toBe('a house in multiple occupation (HMO)');
  });
  it('never offers a suggestion that breaks the sentence when a fluent one exists', () => {
    for (const text of ['She is an illegal and has no documents.', 'Since May he has been laundering money for them.', 'He was RUI\'d in May.']) {
      for (const f of lint(fromPlainText(text), builtInRules()).findings) {
        for (const sug of f.suggestions) expect(fluencyProblems(text.slice(0, f.start) + sug + text.slice(f.end)), `${text} -> ${sug}`).toEqual([]);
      }
    }
  });
});

describe.skipIf(!CORPORA.length)('every first suggestion on the tuning drafts', () => {
  const rules = builtInRules();
  const files = CORPORA.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => path.join(d, f)));

  it.each(files.map((f) => [path.relative(path.dirname(path.dirname(f)), f), f]))('%s: applied alone, leaves a fluent sentence and no new finding', (_, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const doc = fromPlainText(text);
    const before = lint(doc, rules);
    const problems: string[] = [];
    for (const f of before.findings) {
      const sug = f.suggestions[0];
      if (sug === undefined) continue;
      const applied = applySuggestions(doc.text, [{ start: f.start, end: f.end, replacement: sug }]);
      const at = f.start;
      const sentence = sentenceAt(applied.text, Math.min(at, applied.text.length - 1));
      const old = sentenceAt(doc.text, at);
      const fresh = fluencyProblems(sentence).filter((p) => !fluencyProblems(old).some((q) => q.excerpt === p.excerpt));
      if (fresh.length) problems.push(`${f.rule} "${f.excerpt}" -> "${sug}": ${fresh.map((p) => `${p.kind} "${p.excerpt}"`).join(', ')} in "${sentence}"`);
      // the rewrite raises no finding of its own where it was put
      const after = lint(fromPlainText(applied.text), rules).findings;
      const end = at + sug.length;
      const raised = after.filter((g) => g.start < end && at < g.end && !before.findings.some((b) => b !== f && b.rule === g.rule && b.excerpt === g.excerpt));
      if (raised.length && sug !== '') problems.push(`${f.rule} "${f.excerpt}" -> "${sug}" raises ${raised.map((g) => `${g.rule} "${g.excerpt}"`).join(', ')}`);
    }
    expect(problems).toEqual([]);
  }, 60000);
});
