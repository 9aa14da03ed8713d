/**
 * The history as the History view reads it, worked out by SQLite rather than in JavaScript: which checks
 * match a filter, the order of a table column, and the figures for the charts (GROUP BY). A year of checks
 * (17,000 and more) is never read whole: the view asks for one page at a time and for the figures, so it
 * opens in milliseconds and no row is out of reach. Each sort order has an index on the same expression
 * (schema migration 2 in store.ts), so a page far down the table costs what the first one does. A document
 * checked many times is one row, its newest check (migration 3); its other checks are read by `document`.
 */
import type Database from 'better-sqlite3';
import { ELEMENTS, type ElementName } from '../engine/types.js';

export interface CheckFilter {
  /** Part of the file name, author or team (any case). */
  search?: string;
  status?: 'draft' | 'reviewed' | 'ready';
  team?: string;
  author?: string;
  source?: 'app' | 'audit' | 'team';
  auditId?: number;
  /** ISO dates (inclusive). */
  from?: string;
  to?: string;
  limit?: number;
  /** Only documents whose score is below this (files that could not be read have none). */
  needsWorkBelow?: number;
  /** Every check of one document (its content hash), not just its newest. */
  document?: string;
  /** Every check, each version of a document included (a team file carries them all). */
  everyVersion?: boolean;
}

/** The History table's columns, each of which sorts the whole history. */
export const SORT_KEYS = ['when', 'file', 'author', 'team', 'score', 'findings', 'missing', 'status', 'source'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface CheckSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}
export const NEWEST_FIRST: CheckSort = { key: 'when', dir: 'desc' };

/**
 * What each column sorts by, for each direction. Migration 2 indexes exactly these expressions; a test checks
 * that every order is read from an index. Files that could not be read have no score and come last either
 * way; "missing" sorts by how many elements are missing; rows that tie keep the order of their ids.
 */
const ORDER: Record<SortKey, { asc: string; desc: string }> = {
  when: both('checked_at'),
  file: both('file_name COLLATE NOCASE'),
  author: both('author COLLATE NOCASE'),
  team: both('team COLLATE NOCASE'),
  score: { asc: 'coalesce(score, 1000)', desc: 'coalesce(score, -1)' },
  findings: both('disbelief + victim_blaming + jargon'),
  missing: both("(missing != '') + length(missing) - length(replace(missing, ' ', ''))"),
  status: both('status'),
  source: both('source'),
};

function both(expr: string): { asc: string; desc: string } {
  return { asc: expr, desc: expr };
}

/** The ORDER BY clause for a column and direction. */
export function orderOf(sort: CheckSort = NEWEST_FIRST): string {
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
  return `ORDER BY ${ORDER[sort.key][sort.dir]} ${dir}, id ${dir}`;
}

/** The conditions of a filter on the checks table, as SQL with its parameters (empty: every check). */
export function conditionsOf(f: CheckFilter): { parts: string[]; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.search) {
    parts.push("(file_name LIKE ? ESCAPE '\\' OR author LIKE ? ESCAPE '\\' OR team LIKE ? ESCAPE '\\')");
    const like = `%${f.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    params.push(like, like, like);
  }
  // status and source have three values each: their indexes serve sorting, and a page is found faster by
  // reading in the table's order (`+` keeps SQLite from choosing those indexes to filter)
  for (const [col, v] of [
    ['+status', f.status],
    ['team', f.team],
    ['author', f.author],
    ['+source', f.source],
    ['audit_id', f.auditId],
  ] as const) {
    if (v !== undefined && v !== '') {
      parts.push(`${col} = ?`);
      params.push(v);
    }
  }
  if (f.needsWorkBelow !== undefined) {
    parts.push('score < ?');
    params.push(f.needsWorkBelow);
  }
  if (f.document !== undefined) {
    parts.push('content_hash = ?');
    params.push(f.document);
  }
  if (f.from) {
    parts.push('checked_at >= ?');
    params.push(f.from);
  }
  if (f.to) {
    parts.push('checked_at < ?');
    params.push(new Date(new Date(f.to).getTime() + 86_400_000).toISOString().slice(0, 10));
  }
  return { parts, params };
}

/**
 * Which checks stand for their documents: the newest of each, unless the filter asks for a document's
 * versions, every version, or an audit's checks (which an audit made, whichever is newest now).
 */
export function scopeOf(f: CheckFilter): string[] {
  return f.document !== undefined || f.everyVersion || f.auditId !== undefined ? [] : ['newest = 1'];
}

/** The WHERE clause of a filter (empty when it has no conditions). */
export function whereOf(f: CheckFilter, more: string[] = []): { sql: string; params: unknown[] } {
  const c = conditionsOf(f);
  const parts = [...c.parts, ...scopeOf(f), ...more];
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params: c.params };
}

export interface HistoryStats {
  checks: number;
  errors: number;
  averageScore: number | null;
  scoreOverTime: { day: string; average: number; checks: number }[];
  rules: { rule: string; category: string; total: number; accepted: number; dismissed: number; dismissalRate: number }[];
  missing: { element: ElementName; count: number }[];
}

interface DayRow {
  day: string;
  rows: number;
  errors: number;
  scoreSum: number;
  scored: number;
}

interface RuleRow {
  rule: string;
  category: string;
  decision: string;
  n: number;
}

const DAY_COLUMNS = `substr(checked_at, 1, 10) AS day, count(*) AS rows, count(error) AS errors,
  total(score) FILTER (WHERE error IS NULL) AS scoreSum, count(score) FILTER (WHERE error IS NULL) AS scored`;
const RULE_GROUPS = 'GROUP BY f.rule, f.category, f.decision ORDER BY f.rule, f.category, f.decision';
/** Findings of the checks first, then grouped (CROSS JOIN keeps SQLite from visiting a check per finding). */
const RULE_ROWS = 'SELECT f.rule, f.category, f.decision, count(*) AS n FROM checks c CROSS JOIN findings f ON f.check_id = c.id';

/**
 * The figures for the supervisor view over the checks a filter matches: how many, the average score, the
 * average by day, how often each rule fired and was accepted or dismissed, and which elements were missing.
 * Files that could not be read count only as errors.
 */
export function statsOf(db: Database.Database, f: CheckFilter): HistoryStats {
  const w = whereOf(f);
  const days = db.prepare(`SELECT ${DAY_COLUMNS} FROM checks ${w.sql} GROUP BY day ORDER BY day`).all(...w.params) as DayRow[];
  const sum = (pick: (d: DayRow) => number) => days.reduce((n, d) => n + pick(d), 0);
  const checks = sum((d) => d.rows - d.errors);
  return {
    checks,
    errors: sum((d) => d.errors),
    // a check without a result (none is recorded so) counts as 0, as it always has
    averageScore: checks ? Math.round(sum((d) => d.scoreSum) / checks) : null,
    scoreOverTime: days.filter((d) => d.scored > 0).map((d) => ({ day: d.day, average: Math.round(d.scoreSum / d.scored), checks: d.scored })),
    rules: ruleFigures(ruleRows(db, f)),
    missing: missingFigures(db, f),
  };
}

/** How many checks miss each element, most first: counted per set of missing elements (a few hundred at most). */
function missingFigures(db: Database.Database, f: CheckFilter): HistoryStats['missing'] {
  const w = whereOf(f, ['error IS NULL', "missing != ''"]);
  const sets = db.prepare(`SELECT missing, count(*) AS n FROM checks ${w.sql} GROUP BY missing`).all(...w.params) as { missing: string; n: number }[];
  const count = new Map<string, number>();
  for (const s of sets) for (const e of new Set(s.missing.split(' '))) count.set(e, (count.get(e) ?? 0) + s.n);
  return ELEMENTS.map((element) => ({ element, count: count.get(element) ?? 0 }))
    .filter((m) => m.count > 0)
    .sort((a, b) => b.count - a.count);
}

/**
 * Findings per rule, category and decision among the checks a filter matches, leaving out files that could
 * not be read. The whole history (the view as it opens) is read from the findings index alone, less the
 * findings of unread files and of documents' older versions (few), so no check row is visited for each finding.
 */
function ruleRows(db: Database.Database, f: CheckFilter): RuleRow[] {
  const w = whereOf(f, ['c.error IS NULL']);
  if (conditionsOf(f).parts.length || scopeOf(f).length === 0) return db.prepare(`${RULE_ROWS} ${w.sql} ${RULE_GROUPS}`).all(...w.params) as RuleRow[];
  const all = db.prepare(`SELECT f.rule, f.category, f.decision, count(*) AS n FROM findings f ${RULE_GROUPS}`).all() as RuleRow[];
  const unread = db.prepare(`${RULE_ROWS} WHERE c.error IS NOT NULL OR c.newest = 0 ${RULE_GROUPS}`).all() as RuleRow[];
  if (!unread.length) return all;
  const key = (r: RuleRow) => `${r.rule}\n${r.category}\n${r.decision}`;
  const less = new Map(unread.map((r) => [key(r), r.n]));
  return all.map((r) => ({ ...r, n: r.n - (less.get(key(r)) ?? 0) })).filter((r) => r.n > 0);
}

/** Per rule: findings, accepted, dismissed, and the dismissal rate; most frequent first. */
function ruleFigures(rows: RuleRow[]): HistoryStats['rules'] {
  const rules = new Map<string, { rule: string; category: string; total: number; accepted: number; dismissed: number }>();
  for (const r of rows) {
    const e = rules.get(r.rule) ?? { rule: r.rule, category: r.category, total: 0, accepted: 0, dismissed: 0 };
    e.total += r.n;
    if (r.decision === 'accepted') e.accepted += r.n;
    if (r.decision === 'dismissed') e.dismissed += r.n;
    rules.set(r.rule, e);
  }
  return [...rules.values()].map((r) => ({ ...r, dismissalRate: r.total ? r.dismissed / r.total : 0 })).sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule));
}

/** The teams and authors named on any check, for the filters' choices. */
export function peopleOf(db: Database.Database): { teams: string[]; authors: string[] } {
  const distinct = (col: 'team' | 'author') => (db.prepare(`SELECT DISTINCT ${col} AS v FROM checks WHERE ${col} != '' ORDER BY ${col}`).all() as { v: string }[]).map((r) => r.v);
  return { teams: distinct('team'), authors: distinct('author') };
}

export interface GroupFigures {
  /** The author or team ('' when none was set). */
  name: string;
  documents: number;
  averageScore: number | null;
  /** Documents whose score is below the "needs work" threshold. */
  needsWork: number;
}

export interface HistoryGroups {
  byAuthor: GroupFigures[];
  byTeam: GroupFigures[];
  needsWork: number;
}

/**
 * Documents, their average score and how many need work, per author and per team (most documents first): one
 * pass over the checks, grouped by author and team together (a few hundred pairs), then summed each way.
 */
export function groupsOf(db: Database.Database, f: CheckFilter, needsWorkBelow: number): HistoryGroups {
  const w = whereOf(f, ['error IS NULL']);
  const pairs = db
    .prepare(`SELECT author, team, count(*) AS documents, total(score) AS scoreSum, count(score) AS scored, count(*) FILTER (WHERE score < ?) AS needsWork FROM checks ${w.sql} GROUP BY author, team`)
    .all(needsWorkBelow, ...w.params) as { author: string; team: string; documents: number; scoreSum: number; scored: number; needsWork: number }[];
  const by = (pick: (p: (typeof pairs)[number]) => string): GroupFigures[] => {
    const sums = new Map<string, { documents: number; scoreSum: number; scored: number; needsWork: number }>();
    for (const p of pairs) {
      const g = sums.get(pick(p)) ?? { documents: 0, scoreSum: 0, scored: 0, needsWork: 0 };
      g.documents += p.documents;
      g.scoreSum += p.scoreSum;
      g.scored += p.scored;
      g.needsWork += p.needsWork;
      sums.set(pick(p), g);
    }
    return [...sums]
      .map(([name, g]) => ({ name, documents: g.documents, averageScore: g.scored ? Math.round(g.scoreSum / g.scored) : null, needsWork: g.needsWork }))
      .sort((a, b) => b.documents - a.documents || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  };
  return { byAuthor: by((p) => p.author), byTeam: by((p) => p.team), needsWork: pairs.reduce((n, p) => n + p.needsWork, 0) };
}
