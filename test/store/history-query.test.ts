import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ELEMENTS } from '../../src/engine/types.js';
import { SCHEMA_VERSION, SORT_KEYS, Store, TEAM_FORMAT, type CheckFilter, type CheckSort, type HistoryStats, type SortKey } from '../../src/store/store.js';
import { orderOf } from '../../src/store/history-query.js';
import { checkFileName, seedHistory } from '../bench/history-seed.js';

function tmpStore(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-history-')), 'history.sqlite');
}

interface Row {
  id: number;
  file_name: string;
  checked_at: string;
  author: string;
  team: string;
  score: number | null;
  disbelief: number;
  victim_blaming: number;
  jargon: number;
  missing: string;
  status: string;
  source: string;
  error: string | null;
}

/** The checks a filter matches, decided in JavaScript from the raw rows (not by the store's SQL). */
function matches(f: CheckFilter) {
  return (c: Row) => {
    const s = f.search?.toLowerCase();
    if (s && ![c.file_name, c.author, c.team].some((v) => v.toLowerCase().includes(s))) return false;
    if (f.status && c.status !== f.status) return false;
    if (f.team && c.team !== f.team) return false;
    if (f.author && c.author !== f.author) return false;
    if (f.source && c.source !== f.source) return false;
    if (f.from && c.checked_at < f.from) return false;
    if (f.to && c.checked_at.slice(0, 10) > f.to) return false;
    return true;
  };
}

/** What the History view's figures were before they moved into SQL: every check read, counted in JavaScript. */
function expectedStats(db: Database.Database, f: CheckFilter): HistoryStats {
  const matched = (db.prepare('SELECT * FROM checks').all() as Row[]).filter(matches(f));
  const read = matched.filter((c) => !c.error);
  const ids = new Set(read.map((c) => c.id));
  const findings = (db.prepare('SELECT check_id, rule, category, decision FROM findings').all() as { check_id: number; rule: string; category: string; decision: string }[]).filter((x) => ids.has(x.check_id));
  const rules = new Map<string, { rule: string; category: string; total: number; accepted: number; dismissed: number }>();
  for (const x of findings) {
    const e = rules.get(x.rule) ?? { rule: x.rule, category: x.category, total: 0, accepted: 0, dismissed: 0 };
    e.total++;
    if (x.decision === 'accepted') e.accepted++;
    if (x.decision === 'dismissed') e.dismissed++;
    rules.set(x.rule, e);
  }
  const byDay = new Map<string, number[]>();
  for (const c of read) if (c.score !== null) byDay.set(c.checked_at.slice(0, 10), [...(byDay.get(c.checked_at.slice(0, 10)) ?? []), c.score]);
  const avg = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    checks: read.length,
    errors: matched.length - read.length,
    averageScore: read.length ? avg(read.map((c) => c.score ?? 0)) : null,
    scoreOverTime: [...byDay.keys()].sort().map((day) => ({ day, average: avg(byDay.get(day)!), checks: byDay.get(day)!.length })),
    rules: [...rules.values()].map((r) => ({ ...r, dismissalRate: r.dismissed / r.total })).sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule)),
    missing: ELEMENTS.map((element) => ({ element, count: read.filter((c) => c.missing.split(' ').includes(element)).length }))
      .filter((m) => m.count > 0)
      .sort((a, b) => b.count - a.count),
  };
}

/** The order of a column, decided in JavaScript: unread files last by score either way, ties by id. */
function expectedOrder(rows: Row[], sort: CheckSort): number[] {
  const key: Record<SortKey, (c: Row) => string | number> = {
    when: (c) => c.checked_at,
    file: (c) => c.file_name.toLowerCase(),
    author: (c) => c.author.toLowerCase(),
    team: (c) => c.team.toLowerCase(),
    score: (c) => c.score ?? (sort.dir === 'asc' ? 1000 : -1),
    findings: (c) => c.disbelief + c.victim_blaming + c.jargon,
    missing: (c) => (c.missing ? c.missing.split(' ').length : 0),
    status: (c) => c.status,
    source: (c) => c.source,
  };
  const k = key[sort.key];
  const dir = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => (k(a) < k(b) ? -dir : k(a) > k(b) ? dir : (a.id - b.id) * dir)).map((c) => c.id);
}

/** Every page of a filter and order, read one after another as the table scrolls. */
function allPages(store: Store, f: CheckFilter, sort: CheckSort, limit = 97): number[] {
  const ids: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = store.pageChecks(f, { sort, offset, limit });
    ids.push(...page.map((c) => c.id));
    if (page.length < limit) return ids;
  }
}

const FILTERS: CheckFilter[] = [{}, { search: 'NGUYEN' }, { search: 'sam p' }, { status: 'ready' }, { team: 'North', source: 'audit' }, { author: 'Jo Reid', from: '2026-01-01', to: '2026-03-31' }, { search: '01', status: 'draft' }, { search: 'nobody-has-this' }];

describe('the history as the History view reads it (SQL)', () => {
  let store: Store;
  let rows: Row[];
  beforeAll(() => {
    store = Store.open(tmpStore());
    seedHistory(store, 1500, { seed: 7 });
    // A team file can bring a file that could not be read with findings: its findings stay out of the figures.
    store.importTeam({
      format: TEAM_FORMAT,
      version: 1,
      exportedAt: '2026-07-01T00:00:00.000Z',
      checks: [
        { uid: 'unread-with-findings', fileName: 'odd.pdf', contentHash: 'h', checkedAt: '2026-06-01T10:00:00.000Z', author: 'Sam Patel', team: 'North', words: 0, score: null, disbelief: 0, victimBlaming: 0, jargon: 0, missing: [], isChild: null, status: 'draft', source: 'team', error: 'encrypted', text: null, findings: [{ rule: 'disbelief/claims', category: 'disbelief', severity: 'error', decision: 'dismissed', reason: null, excerpt: null }] },
        { uid: 'no-result-yet', fileName: 'Blank_50%.txt', contentHash: 'h2', checkedAt: '2026-06-02T10:00:00.000Z', author: 'sam patel', team: 'north', words: 0, score: null, disbelief: 0, victimBlaming: 0, jargon: 0, missing: [], isChild: null, status: 'draft', source: 'team', error: null, text: null, findings: [] },
      ],
    });
    rows = store.db.prepare('SELECT * FROM checks').all() as Row[];
  });

  it('reaches every check a filter matches, page after page, in every column’s order, and counts them', () => {
    for (const f of FILTERS) {
      const want = rows.filter(matches(f));
      expect(store.countChecks(f), JSON.stringify(f)).toBe(want.length);
      for (const key of SORT_KEYS)
        for (const dir of ['asc', 'desc'] as const) {
          const sort = { key, dir };
          expect(allPages(store, f, sort), `${JSON.stringify(f)} by ${key} ${dir}`).toEqual(expectedOrder(want, sort));
        }
    }
    expect(store.countChecks({})).toBe(1502);
  });

  it('searches file names, authors and teams in any case, with % and _ taken literally', () => {
    expect(store.pageChecks({ search: checkFileName(1500, 7).toUpperCase() }, { limit: 10 }).map((c) => c.fileName)).toEqual([checkFileName(1500, 7)]);
    expect(store.pageChecks({ search: '50%' }, { limit: 10 }).map((c) => c.fileName)).toEqual(['Blank_50%.txt']);
    expect(store.countChecks({ search: '_' })).toBe(1);
    expect(store.countChecks({ search: '%' })).toBe(1);
    expect(store.countChecks({ search: 'north' })).toBe(rows.filter((c) => c.team.toLowerCase() === 'north').length);
  });

  it('gives the same figures the view computed before, for the whole history and for filters', () => {
    for (const f of FILTERS) expect(store.stats(f), JSON.stringify(f)).toEqual(expectedStats(store.db, f));
    const all = store.stats();
    expect(all.errors).toBeGreaterThan(10); // the seeded history has unread files, and the figures leave them out
    expect(all.rules.length).toBeGreaterThan(10);
  });

  it('lists the teams and authors named on any check', () => {
    const people = store.people();
    expect(people.teams).toEqual([...new Set(rows.map((c) => c.team).filter(Boolean))].sort());
    expect(people.authors).toEqual([...new Set(rows.map((c) => c.author).filter(Boolean))].sort());
  });

  it('reads every column’s order from an index, so a page far down costs what the first does', () => {
    for (const key of SORT_KEYS)
      for (const dir of ['asc', 'desc'] as const) {
        const page = store.db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM checks ${orderOf({ key, dir })} LIMIT 100 OFFSET 1000`).all() as { detail: string }[];
        expect(page.map((p) => p.detail).join('; '), `${key} ${dir}`).not.toMatch(/TEMP B-TREE/);
      }
  });
});

describe('a history written by the previous version', () => {
  it('is upgraded in place: its checks kept, the new indexes made, and the view’s queries answered', () => {
    const file = tmpStore();
    const old = new Database(file);
    old.exec(`CREATE TABLE audits (id INTEGER PRIMARY KEY, folder TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, total INTEGER NOT NULL, cancelled INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE checks (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, file_name TEXT NOT NULL, content_hash TEXT NOT NULL, checked_at TEXT NOT NULL, author TEXT NOT NULL DEFAULT '', team TEXT NOT NULL DEFAULT '', words INTEGER NOT NULL DEFAULT 0, score INTEGER, disbelief INTEGER NOT NULL DEFAULT 0, victim_blaming INTEGER NOT NULL DEFAULT 0, jargon INTEGER NOT NULL DEFAULT 0, missing TEXT NOT NULL DEFAULT '', is_child INTEGER, status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'reviewed', 'ready')), source TEXT NOT NULL CHECK (source IN ('app', 'audit', 'team')), error TEXT, audit_id INTEGER REFERENCES audits(id) ON DELETE SET NULL, text TEXT);
      CREATE INDEX checks_checked_at ON checks(checked_at);
      CREATE INDEX checks_audit ON checks(audit_id);
      CREATE TABLE findings (check_id INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE, seq INTEGER NOT NULL, rule TEXT NOT NULL, category TEXT NOT NULL, severity TEXT NOT NULL, decision TEXT NOT NULL CHECK (decision IN ('open', 'accepted', 'dismissed')), reason TEXT, excerpt TEXT, PRIMARY KEY (check_id, seq));
      CREATE INDEX findings_rule ON findings(rule);
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO checks (uid, file_name, content_hash, checked_at, author, team, words, score, disbelief, missing, status, source) VALUES
        ('u1', 'old-a.docx', 'h1', '2025-05-01T09:00:00.000Z', 'Jo', 'North', 900, 82, 1, 'when', 'ready', 'app'),
        ('u2', 'old-b.docx', 'h2', '2025-05-02T09:00:00.000Z', 'Sam', 'South', 700, 64, 2, 'when consent', 'draft', 'audit');
      INSERT INTO findings VALUES (1, 0, 'disbelief/claims', 'disbelief', 'error', 'open', NULL, NULL), (2, 0, 'disbelief/claims', 'disbelief', 'error', 'dismissed', 'quoted', NULL), (2, 1, 'jargon/acronyms', 'jargon', 'suggestion', 'open', NULL, NULL);
      PRAGMA user_version = 1;`);
    old.close();
    const store = Store.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const indexes = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['checks_file', 'checks_score_up', 'checks_score_down', 'findings_stats']));
    expect(indexes).not.toContain('findings_rule');
    expect(store.integrity()).toBe('ok');
    expect(store.pageChecks({}, { sort: { key: 'score', dir: 'asc' }, limit: 10 }).map((c) => [c.fileName, c.score, c.missing])).toEqual([
      ['old-b.docx', 64, ['when', 'consent']],
      ['old-a.docx', 82, ['when']],
    ]);
    const stats = store.stats();
    expect(stats).toMatchObject({ checks: 2, errors: 0, averageScore: 73, missing: [{ element: 'when', count: 2 }, { element: 'consent', count: 1 }] });
    expect(stats.rules[0]).toEqual({ rule: 'disbelief/claims', category: 'disbelief', total: 2, accepted: 0, dismissed: 1, dismissalRate: 0.5 });
    store.close();
  });
});
