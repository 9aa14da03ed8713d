/**
 * The lint's own limits and linear time (issue 15): a draft that gives more findings than anyone could act
 * on stops with a typed "too large", and text shaped to make a step rescan the rest of the text at every
 * occurrence still gets an answer (the bench times these; here a quadratic step would run for minutes).
 */
import { describe, expect, it } from 'vitest';
import { TooLarge } from '../../src/document/limits.js';
import { fromPlainText } from '../../src/document/plain.js';
import { detectSubject } from '../../src/engine/subject.js';
import { lint, loadRules } from '../../src/index.js';
import { ADVERSARIAL } from '../fixtures/adversarial.js';

const rules = loadRules();

describe('lint limits', () => {
  it('stops with a typed too-large when a draft gives more findings than the limit', () => {
    const doc = fromPlainText('The child claims he was made to sell drugs. '.repeat(60));
    expect(lint(doc, rules, { cache: false }).findings.length).toBeGreaterThan(20);
    let caught: unknown;
    try {
      lint(doc, rules, { cache: false, maxFindings: 20 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TooLarge);
    expect(caught).toMatchObject({ code: 'too-large', measure: 'findings', limit: 20 });
    expect((caught as Error).message).toMatch(/more than 20 findings/);
  });

  it.each(Object.keys(ADVERSARIAL))('answers 2 MB shaped as %s (a result or a typed too-large)', (shape) => {
    const doc = fromPlainText(ADVERSARIAL[shape]!(2 * 1024 * 1024));
    try {
      expect(lint(doc, rules, { cache: false }).findings).toBeInstanceOf(Array);
    } catch (e) {
      expect(e).toMatchObject({ code: 'too-large' });
    }
  }, 60_000);

  it('reads blank-line runs as paragraph breaks, whatever the run holds', () => {
    const doc = fromPlainText(ADVERSARIAL.blank_line_runs!(5000));
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end))).toEqual(['The referral.', 'Last paragraph.']);
  });

  it('takes a date of birth only from the words right after the cue', () => {
    const text = 'She was born in Tirana and came to the UK as an adult. Date of referral: 12 March 2024.';
    expect(detectSubject(text).age).toBeNull();
    expect(detectSubject('Date of birth: 03/04/2010. Referral made on 12/03/2024.').age).toBe(13);
    expect(detectSubject(`${'born '.repeat(1000)}DOB 1 May 2000. Seen 2 June 2024.`).age).toBe(24);
  });
});
