/**
 * A year of a busy team's history, made up: `seedHistory(store, n)` records n checks through the store in
 * one transaction (a few seconds for 17,000), with varied file names, authors, teams, dates, rules, scores,
 * decisions, statuses and sources, a few audit runs and some files that could not be read. The same seed
 * gives the same history. Check n's file name is `checkFileName(n)` and no other name contains it.
 */
import { ELEMENTS, type Category, type Finding, type LintResult, type Severity } from '../../src/engine/types.js';
import type { CheckStatus, NewCheck, Store } from '../../src/store/store.js';
import { mulberry32 } from '../fuzz/prng.js';

const RULES: [string, Category, Severity][] = [
  ['disbelief/claims', 'disbelief', 'error'],
  ['disbelief/alleges', 'disbelief', 'error'],
  ['disbelief/purports', 'disbelief', 'warning'],
  ['disbelief/story', 'disbelief', 'warning'],
  ['disbelief/hedges', 'disbelief', 'suggestion'],
  ['disbelief/scare-quotes', 'disbelief', 'warning'],
  ['disbelief/credibility-judgements', 'disbelief', 'error'],
  ['disbelief/inconsistency', 'disbelief', 'warning'],
  ['victim-blaming/choice', 'victim-blaming', 'error'],
  ['victim-blaming/boyfriend', 'victim-blaming', 'error'],
  ['victim-blaming/consent', 'victim-blaming', 'error'],
  ['victim-blaming/criminal-labels', 'victim-blaming', 'warning'],
  ['victim-blaming/missing-labels', 'victim-blaming', 'warning'],
  ['victim-blaming/risk-behaviour', 'victim-blaming', 'warning'],
  ['victim-blaming/immigration-labels', 'victim-blaming', 'suggestion'],
  ['jargon/acronyms', 'jargon', 'suggestion'],
  ['jargon/police-jargon', 'jargon', 'warning'],
  ['jargon/county-lines-slang', 'jargon', 'suggestion'],
  ['jargon/legal-sections', 'jargon', 'suggestion'],
  ['jargon/shorthand', 'jargon', 'suggestion'],
];
const KINDS = ['referral', 'nrm', 'draft', 'case-note', 'statement', 'interview'];
const NAMES = ['kowalski', 'nguyen', 'ahmadi', 'okafor', 'popescu', 'hoxha', 'tesfaye', 'singh', 'murphy', 'ozturk', 'begum', 'silva', 'dimitrov', 'haile', 'zhang', 'farah'];
const AUTHORS = ['A. Officer', 'Sam Patel', 'Jo Reid', 'Priya Shah', 'Tom Hughes', 'Ruth Okoro', 'Dan Kerr', 'Mia Lowe', 'Ben Yusuf', 'Kate Moss', 'Leon Grant', 'Nina Bell', 'Omar Aziz', 'Zoe Clark', 'Ian Frost', 'Ada Kim'];
const TEAMS = ['North', 'South', 'East', 'West', 'Central', 'Coastal', 'Children', 'Night'];
const STATUS: CheckStatus[] = ['draft', 'draft', 'reviewed', 'ready', 'ready'];
const ERRORS = ['encrypted', 'malformed', 'unsupported', 'empty'];

/** The file name of check n (1-based): unique, and no other check's name contains it. */
export const checkFileName = (n: number, seed = 1): string => `${KINDS[n % KINDS.length]}-${NAMES[(n * 7 + seed) % NAMES.length]}-${String(n).padStart(5, '0')}.${['docx', 'pdf', 'txt'][n % 3]}`;

function finding(rule: [string, Category, Severity], at: number): Finding {
  return { rule: rule[0], category: rule[1], severity: rule[2], start: at, end: at + 6, excerpt: 'words', message: 'A finding.', suggestions: [], rationale: 'Why.', source: { id: 'src', title: 'A source' } };
}

/** Records n made-up checks, one a day-and-a-bit apart over the year before `now`, oldest first. */
export function seedHistory(store: Store, n: number, opts: { seed?: number; now?: Date } = {}): void {
  const seed = opts.seed ?? 1;
  const rnd = mulberry32(seed); // the same history each time
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const now = (opts.now ?? new Date('2026-06-30T17:00:00Z')).getTime();
  const year = 365 * 86_400_000;
  const people = store.db.prepare('UPDATE checks SET author = ?, team = ? WHERE id = ?');
  store.db.transaction(() => {
    const audits = [1, 2, 3, 4].map((k) => store.startAudit(`/cases/audit-${k}`, 0, new Date(now - year + k * 80 * 86_400_000)));
    for (let i = 1; i <= n; i++) {
      const checkedAt = new Date(now - year + Math.floor(((i - 1 + rnd() * 0.9) / n) * year));
      const source = rnd() < 0.35 ? 'audit' : 'app';
      const base = { fileName: checkFileName(i, seed), contentHash: (i * 2654435761).toString(16).padStart(64, '0'), checkedAt, source, status: pick(STATUS), ...(source === 'audit' ? { auditId: pick(audits) } : {}) } as const;
      let id: number;
      if (rnd() < 0.02) id = store.addCheck({ ...base, words: 0, error: pick(ERRORS) });
      else {
        const count = Math.floor(-Math.log(1 - rnd()) * 7);
        const findings = Array.from({ length: Math.min(count, 30) }, (_, k) => finding(pick(RULES), k * 20));
        const missing = ELEMENTS.filter(() => rnd() < 0.15).map((element) => ({ element, rule: `elements/${element}`, message: 'Missing.', question: '?', rationale: 'Why.', source: { id: 'src', title: 'A source' } }));
        const result: LintResult = { subject: { isChild: rnd() < 0.3 } as LintResult['subject'], findings, missing, present: [] };
        const decisions = findings.flatMap((_, index): NonNullable<NewCheck['decisions']> => {
          const r = rnd();
          return r < 0.15 ? [{ index, decision: 'dismissed', reason: 'Quoted from the police log.' }] : r < 0.45 ? [{ index, decision: 'accepted' }] : [];
        });
        id = store.addCheck({ ...base, words: 300 + Math.floor(rnd() * 4000), result, decisions });
      }
      people.run(pick(AUTHORS), rnd() < 0.05 ? '' : pick(TEAMS), id);
    }
  })();
}
