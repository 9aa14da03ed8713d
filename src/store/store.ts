/**
 * The history of checks: one SQLite file (better-sqlite3) in WAL mode with versioned migrations. Each check
 * keeps its file name, content hash, time, author and team labels, word count, score, counts per category,
 * missing elements, status and every finding with its decision. Document text (the text itself and finding
 * excerpts) is kept only when the user turns that on; turning it off erases what was kept, secure_delete
 * overwrites the freed pages, and erase.ts confirms the text is gone from the file and its log. The file, its
 * log and the data folder are readable by the user only. Every write is one transaction, so a crash loses at
 * most the check being written.
 *
 * A document is its file's content (the hash of its bytes); its checks are its versions. A check of a text the
 * document already has a version of (the same revision: the same words) updates that version rather than
 * adding one, so reopening a file or running an audit again never counts a referral twice; the History lists
 * each document once, by its newest version, and shows the others beneath it.
 */
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CATEGORIES, ELEMENTS, SEVERITIES, type Category, type ElementName, type Finding, type LintResult, type Severity } from '../engine/types.js';
import { scoreOf } from '../engine/score.js';
import { privateDir } from '../config/trust.js';
import { checkpointTruncate, confirmErased, samplesOf, type Erasure } from './erase.js';
import { groupsOf, orderOf, peopleOf, statsOf, whereOf, type CheckFilter, type CheckSort, type HistoryGroups, type HistoryStats } from './history-query.js';
import { appDataDir } from './paths.js';

export { NEWEST_FIRST, SORT_KEYS, type CheckFilter, type CheckSort, type HistoryGroups, type HistoryStats, type SortKey } from './history-query.js';

export const STATUSES = ['draft', 'reviewed', 'ready'] as const;
export type CheckStatus = (typeof STATUSES)[number];
export { STATUS_LABELS } from '../engine/labels.js';
export type CheckSource = 'app' | 'audit' | 'team';
export type Decision = 'open' | 'accepted' | 'dismissed';

export interface Settings {
  /** Keep the document text and finding excerpts with each check (off by default). */
  storeText: boolean;
  /** Delete checks older than this many days; null keeps them. */
  retentionDays: number | null;
  author: string;
  team: string;
  /** Keep the open draft's unsaved work on disk so that a crash loses nothing (on by default). */
  keepUnsaved: boolean;
  /** A document whose score is below this needs work (the History marks and filters it). */
  needsWorkBelow: number;
  /** The app's colours: the system's, or always light or dark. */
  theme: Theme;
}

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const DEFAULT_SETTINGS: Settings = { storeText: false, retentionDays: null, author: '', team: '', keepUnsaved: true, needsWorkBelow: 70, theme: 'system' };

export interface StoredFinding {
  rule: string;
  category: Category;
  severity: Severity;
  decision: Decision;
  reason: string | null;
  /** The flagged words: only when the user keeps document text. */
  excerpt: string | null;
}

export interface CheckSummary {
  id: number;
  uid: string;
  fileName: string;
  contentHash: string;
  checkedAt: string;
  author: string;
  team: string;
  words: number;
  score: number | null;
  disbelief: number;
  victimBlaming: number;
  jargon: number;
  missing: ElementName[];
  isChild: boolean | null;
  status: CheckStatus;
  source: CheckSource;
  /** The import error code, for a file an audit could not read. */
  error: string | null;
  auditId: number | null;
  hasText: boolean;
  /** How many checks its document has (this one among them): 1 for a document checked once. */
  versions: number;
}

export interface CheckDetail extends CheckSummary {
  text: string | null;
  findings: StoredFinding[];
  /** Every check of the same document, newest first (this one among them). */
  versionList: CheckSummary[];
}

export interface NewCheck {
  fileName: string;
  contentHash: string;
  words: number;
  result?: LintResult;
  /** Decisions on the findings of `result` (by index); others are open. */
  decisions?: { index: number; decision: Exclude<Decision, 'open'>; reason?: string }[];
  /** Findings the user already accepted or dismissed that are no longer in `result`. */
  decided?: { finding: Finding; decision: Exclude<Decision, 'open'>; reason?: string }[];
  text?: string;
  status?: CheckStatus;
  source: CheckSource;
  auditId?: number;
  error?: string;
  checkedAt?: Date;
}

const MIGRATIONS: string[] = [
  // 1: checks, their findings, audit runs, settings.
  `CREATE TABLE audits (
     id INTEGER PRIMARY KEY,
     folder TEXT NOT NULL,
     started_at TEXT NOT NULL,
     finished_at TEXT,
     total INTEGER NOT NULL,
     cancelled INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE checks (
     id INTEGER PRIMARY KEY,
     uid TEXT NOT NULL UNIQUE,
     file_name TEXT NOT NULL,
     content_hash TEXT NOT NULL,
     checked_at TEXT NOT NULL,
     author TEXT NOT NULL DEFAULT '',
     team TEXT NOT NULL DEFAULT '',
     words INTEGER NOT NULL DEFAULT 0,
     score INTEGER,
     disbelief INTEGER NOT NULL DEFAULT 0,
     victim_blaming INTEGER NOT NULL DEFAULT 0,
     jargon INTEGER NOT NULL DEFAULT 0,
     missing TEXT NOT NULL DEFAULT '',
     is_child INTEGER,
     status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'reviewed', 'ready')),
     source TEXT NOT NULL CHECK (source IN ('app', 'audit', 'team')),
     error TEXT,
     audit_id INTEGER REFERENCES audits(id) ON DELETE SET NULL,
     text TEXT
   );
   CREATE INDEX checks_checked_at ON checks(checked_at);
   CREATE INDEX checks_audit ON checks(audit_id);
   CREATE TABLE findings (
     check_id INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     rule TEXT NOT NULL,
     category TEXT NOT NULL,
     severity TEXT NOT NULL,
     decision TEXT NOT NULL CHECK (decision IN ('open', 'accepted', 'dismissed')),
     reason TEXT,
     excerpt TEXT,
     PRIMARY KEY (check_id, seq)
   );
   CREATE INDEX findings_rule ON findings(rule);
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // 2: the History view reads pages, counts and figures from SQL: an index for each column's sort order (the
  // expressions of history-query.ts), one for files that could not be read, and the findings by rule with
  // their category and decision, so the figures of the whole history come from the index alone.
  `CREATE INDEX checks_file ON checks(file_name COLLATE NOCASE);
   CREATE INDEX checks_author ON checks(author COLLATE NOCASE);
   CREATE INDEX checks_team ON checks(team COLLATE NOCASE);
   CREATE INDEX checks_score_up ON checks(coalesce(score, 1000));
   CREATE INDEX checks_score_down ON checks(coalesce(score, -1));
   CREATE INDEX checks_open ON checks(disbelief + victim_blaming + jargon);
   CREATE INDEX checks_missing ON checks((missing != '') + length(missing) - length(replace(missing, ' ', '')));
   CREATE INDEX checks_status ON checks(status);
   CREATE INDEX checks_source ON checks(source);
   CREATE INDEX checks_unread ON checks(error) WHERE error IS NOT NULL;
   DROP INDEX findings_rule;
   CREATE INDEX findings_stats ON findings(rule, category, decision);`,
  // 3: one document, many versions. "revision" is the hash of the text checked ('' when unknown: older
  // checks, files that could not be read); "newest" marks each document's latest check, the row History
  // lists. Checks already recorded are grouped by their file's content now.
  `ALTER TABLE checks ADD COLUMN revision TEXT NOT NULL DEFAULT '';
   ALTER TABLE checks ADD COLUMN newest INTEGER NOT NULL DEFAULT 1;
   CREATE INDEX checks_document ON checks(content_hash, revision);
   UPDATE checks SET newest = 0 WHERE content_hash != '' AND EXISTS (
     SELECT 1 FROM checks d WHERE d.content_hash = checks.content_hash AND (d.checked_at > checks.checked_at OR (d.checked_at = checks.checked_at AND d.id > checks.id)));`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export class StoreError extends Error {
  override name = 'StoreError';
}

interface CheckRow {
  id: number;
  uid: string;
  file_name: string;
  content_hash: string;
  checked_at: string;
  author: string;
  team: string;
  words: number;
  score: number | null;
  disbelief: number;
  victim_blaming: number;
  jargon: number;
  missing: string;
  is_child: number | null;
  status: CheckStatus;
  source: CheckSource;
  error: string | null;
  audit_id: number | null;
  has_text: number;
  versions: number;
}

/** A check's columns as the list shows them; the count of its document's versions is one index lookup. */
const SUMMARY_COLUMNS = `id, uid, file_name, content_hash, checked_at, author, team, words, score, disbelief, victim_blaming, jargon, missing, is_child, status, source, error, audit_id, text IS NOT NULL AS has_text,
  CASE WHEN content_hash = '' THEN 1 ELSE (SELECT count(*) FROM checks v WHERE v.content_hash = checks.content_hash) END AS versions`;

/** The revision of a checked text: the hash of its words ('' when there is no text, as for a file not read). */
export function revisionOf(text: string | undefined): string {
  return text === undefined ? '' : createHash('sha256').update(text, 'utf8').digest('hex');
}

function toSummary(r: CheckRow): CheckSummary {
  return {
    id: r.id,
    uid: r.uid,
    fileName: r.file_name,
    contentHash: r.content_hash,
    checkedAt: r.checked_at,
    author: r.author,
    team: r.team,
    words: r.words,
    score: r.score,
    disbelief: r.disbelief,
    victimBlaming: r.victim_blaming,
    jargon: r.jargon,
    missing: r.missing ? (r.missing.split(' ') as ElementName[]) : [],
    isChild: r.is_child === null ? null : r.is_child === 1,
    status: r.status,
    source: r.source,
    error: r.error,
    auditId: r.audit_id,
    hasText: r.has_text === 1,
    versions: r.versions,
  };
}

export class Store {
  readonly db: Database.Database;

  private constructor(db: Database.Database, readonly file: string) {
    this.db = db;
  }

  /** Statements compiled once per store: recording 17,000 checks in a row spends its time writing, not parsing SQL. */
  private readonly statements = new Map<string, Database.Statement>();
  private sql(text: string): Database.Statement {
    let s = this.statements.get(text);
    if (!s) this.statements.set(text, (s = this.db.prepare(text)));
    return s;
  }

  /** Opens (creating if needed) the store at `file`, migrates it, and applies the retention setting. */
  static open(file: string, opts: { now?: Date } = {}): Store {
    if (file !== ':memory:') keepPrivate(file);
    let db: Database.Database;
    try {
      db = new Database(file);
      db.pragma('journal_mode = WAL');
    } catch (e) {
      throw new StoreError(`The history file ${file} could not be opened (${(e as Error).message}). It may be damaged or not a history file.`);
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    const store = new Store(db, file);
    store.migrate();
    store.applyRetention(opts.now);
    // text erased by a session that could not finish wiping it (another program was reading) is wiped now
    if (!store.settings().storeText && file !== ':memory:') checkpointTruncate(db, 1);
    return store;
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) throw new StoreError(`The history file was written by a newer version of the checker (schema ${version}); update the app to open it.`);
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** SQLite's own integrity check: "ok" when the file is sound. */
  integrity(): string {
    return (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  }

  settings(): Settings {
    const rows = this.sql('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const s: Settings = { ...DEFAULT_SETTINGS };
    for (const { key, value } of rows) {
      if (key === 'storeText') s.storeText = value === '1';
      else if (key === 'retentionDays') s.retentionDays = value === '' ? null : Number(value);
      else if (key === 'author') s.author = value;
      else if (key === 'team') s.team = value;
      else if (key === 'keepUnsaved') s.keepUnsaved = value === '1';
      else if (key === 'needsWorkBelow') s.needsWorkBelow = Number(value);
      else if (key === 'theme' && (THEMES as readonly string[]).includes(value)) s.theme = value as Theme;
    }
    return s;
  }

  /**
   * Changes settings. Turning text keeping off erases the kept text and reports whether it is confirmed gone
   * from the disk (`erasure`); until it is, each later change tries again.
   */
  updateSettings(patch: Partial<Settings>, now = new Date()): Settings & { erasure?: Erasure } {
    const erasing = patch.storeText === false;
    const samples = erasing ? samplesOf((this.sql('SELECT text FROM checks WHERE text IS NOT NULL ORDER BY id DESC LIMIT 20').all() as { text: string }[]).map((r) => r.text)) : [];
    const put = this.sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.db.transaction(() => {
      if (patch.storeText !== undefined) {
        put.run('storeText', patch.storeText ? '1' : '0');
        if (!patch.storeText) this.eraseText();
      }
      if (patch.retentionDays !== undefined) put.run('retentionDays', patch.retentionDays === null ? '' : String(patch.retentionDays));
      if (patch.author !== undefined) put.run('author', patch.author);
      if (patch.team !== undefined) put.run('team', patch.team);
      if (patch.keepUnsaved !== undefined) put.run('keepUnsaved', patch.keepUnsaved ? '1' : '0');
      if (patch.needsWorkBelow !== undefined) put.run('needsWorkBelow', String(patch.needsWorkBelow));
      if (patch.theme !== undefined) put.run('theme', patch.theme);
    })();
    if (patch.retentionDays !== undefined) this.applyRetention(now);
    if (!erasing && !this.unconfirmed) return this.settings();
    const erasure = confirmErased(this.db, this.file, erasing ? samples : this.unconfirmed!);
    this.unconfirmed = erasure.verified ? undefined : erasing ? samples : this.unconfirmed;
    return { ...this.settings(), erasure };
  }

  /** Samples of text erased but not yet confirmed gone from the disk. */
  private unconfirmed: Buffer[] | undefined;

  /** Forgets every kept document text and excerpt. */
  private eraseText(): void {
    this.sql('UPDATE checks SET text = NULL WHERE text IS NOT NULL').run();
    this.sql('UPDATE findings SET excerpt = NULL WHERE excerpt IS NOT NULL').run();
  }

  /** Deletes checks older than the retention period; returns how many went. */
  applyRetention(now = new Date()): number {
    const days = this.settings().retentionDays;
    if (days === null || !(days > 0)) return 0;
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    const hashes = (this.sql('SELECT DISTINCT content_hash AS h FROM checks WHERE checked_at < ? AND newest = 1').all(cutoff) as { h: string }[]).map((r) => r.h);
    const n = this.sql('DELETE FROM checks WHERE checked_at < ?').run(cutoff).changes;
    for (const h of hashes) this.markNewest(h); // a document whose newest check went keeps its others
    this.sql('DELETE FROM audits WHERE started_at < ? AND id NOT IN (SELECT audit_id FROM checks WHERE audit_id IS NOT NULL)').run(cutoff);
    return n;
  }

  startAudit(folder: string, total: number, now = new Date()): number {
    return Number(this.sql('INSERT INTO audits (folder, started_at, total) VALUES (?, ?, ?)').run(folder, now.toISOString(), total).lastInsertRowid);
  }

  finishAudit(id: number, opts: { cancelled?: boolean } = {}, now = new Date()): void {
    this.sql('UPDATE audits SET finished_at = ?, cancelled = ? WHERE id = ?').run(now.toISOString(), opts.cancelled ? 1 : 0, id);
  }

  audits(): { id: number; folder: string; startedAt: string; finishedAt: string | null; total: number; cancelled: boolean; checks: number }[] {
    return (
      this.sql('SELECT a.id, a.folder, a.started_at, a.finished_at, a.total, a.cancelled, (SELECT count(*) FROM checks c WHERE c.audit_id = a.id) AS checks FROM audits a ORDER BY a.id DESC')
        .all() as { id: number; folder: string; started_at: string; finished_at: string | null; total: number; cancelled: number; checks: number }[]
    ).map((a) => ({ id: a.id, folder: a.folder, startedAt: a.started_at, finishedAt: a.finished_at, total: a.total, cancelled: a.cancelled === 1, checks: a.checks }));
  }

  /**
   * Records a check (one transaction) and returns its id. When its document already has a version with the
   * same revision (the file opened again unchanged, an audit run again), that version is updated instead and
   * its id returned: the document's row in History stays one row.
   */
  addCheck(c: NewCheck): number {
    const settings = this.settings();
    const revision = c.error ? '' : revisionOf(c.text);
    return this.db.transaction(() => {
      const same = c.contentHash
        ? (this.sql('SELECT id FROM checks WHERE content_hash = ? AND revision = ? AND (error IS NULL) = ? ORDER BY newest DESC, checked_at DESC LIMIT 1').get(c.contentHash, revision, c.error ? 0 : 1) as { id: number } | undefined)
        : undefined;
      const at = (c.checkedAt ?? new Date()).toISOString();
      let id: number;
      if (same) {
        id = same.id;
        this.sql('UPDATE checks SET file_name = ?, checked_at = ?, author = ?, team = ?, words = ?, source = ?, error = ?, audit_id = ? WHERE id = ?').run(c.fileName, at, settings.author, settings.team, c.words, c.source, c.error ?? null, c.auditId ?? null, id);
        if (c.status) this.sql('UPDATE checks SET status = ? WHERE id = ?').run(c.status, id);
      } else
        id = Number(
          this.sql(
            `INSERT INTO checks (uid, file_name, content_hash, checked_at, author, team, words, status, source, error, audit_id, revision)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(randomUUID(), c.fileName, c.contentHash, at, settings.author, settings.team, c.words, c.status ?? 'draft', c.source, c.error ?? null, c.auditId ?? null, revision).lastInsertRowid,
        );
      this.writeResult(id, c, settings.storeText);
      this.markNewest(c.contentHash);
      return id;
    })();
  }

  /** Marks the latest check of a document as the one History lists (each check its own document without a hash). */
  private markNewest(contentHash: string): void {
    if (!contentHash) return;
    this.sql('UPDATE checks SET newest = (id = (SELECT id FROM checks WHERE content_hash = ? ORDER BY checked_at DESC, id DESC LIMIT 1)) WHERE content_hash = ?').run(contentHash, contentHash);
  }

  /** Replaces a check's result and decisions (after the user edits, accepts or dismisses). */
  updateCheck(id: number, c: Pick<NewCheck, 'result' | 'decisions' | 'decided' | 'text' | 'words' | 'status'>): void {
    const settings = this.settings();
    this.db.transaction(() => {
      const exists = this.sql('SELECT 1 FROM checks WHERE id = ?').get(id);
      if (!exists) throw new StoreError(`There is no check ${id} in the history.`);
      this.sql('UPDATE checks SET words = ?, checked_at = ?, revision = ? WHERE id = ?').run(c.words, new Date().toISOString(), revisionOf(c.text), id);
      if (c.status) this.sql('UPDATE checks SET status = ? WHERE id = ?').run(c.status, id);
      this.writeResult(id, c, settings.storeText);
      this.markNewest((this.sql('SELECT content_hash AS h FROM checks WHERE id = ?').get(id) as { h: string }).h);
    })();
  }

  private writeResult(id: number, c: Pick<NewCheck, 'result' | 'decisions' | 'decided' | 'text'>, keepText: boolean): void {
    this.sql('DELETE FROM findings WHERE check_id = ?').run(id);
    if (!c.result) return;
    const r = c.result;
    const rows: StoredFinding[] = [];
    for (const d of c.decided ?? []) rows.push({ rule: d.finding.rule, category: d.finding.category, severity: d.finding.severity, decision: d.decision, reason: d.reason ?? null, excerpt: keepText ? d.finding.excerpt : null });
    const decisions = new Map((c.decisions ?? []).map((d) => [d.index, d]));
    r.findings.forEach((f, i) => {
      const d = decisions.get(i);
      rows.push({ rule: f.rule, category: f.category, severity: f.severity, decision: d?.decision ?? 'open', reason: d?.reason ?? null, excerpt: keepText ? f.excerpt : null });
    });
    const ins = this.sql('INSERT INTO findings (check_id, seq, rule, category, severity, decision, reason, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    rows.forEach((f, i) => ins.run(id, i, f.rule, f.category, f.severity, f.decision, f.reason, f.excerpt));
    // The score and counts describe what is still open in the draft.
    const open = r.findings.filter((_, i) => decisions.get(i)?.decision !== 'dismissed' && decisions.get(i)?.decision !== 'accepted');
    const count = (cat: Category) => open.filter((f) => f.category === cat).length;
    this.sql('UPDATE checks SET score = ?, disbelief = ?, victim_blaming = ?, jargon = ?, missing = ?, is_child = ?, text = ? WHERE id = ?').run(scoreOf(open, r.missing.length).total, count('disbelief'), count('victim-blaming'), count('jargon'), r.missing.map((m) => m.element).join(' '), r.subject.isChild ? 1 : 0, keepText && c.text !== undefined ? c.text : null, id);
  }

  setStatus(id: number, status: CheckStatus): void {
    if (this.sql('UPDATE checks SET status = ? WHERE id = ?').run(status, id).changes === 0) throw new StoreError(`There is no check ${id} in the history.`);
  }

  deleteCheck(id: number): void {
    const row = this.sql('SELECT content_hash AS h FROM checks WHERE id = ?').get(id) as { h: string } | undefined;
    this.db.transaction(() => {
      this.sql('DELETE FROM checks WHERE id = ?').run(id);
      if (row) this.markNewest(row.h);
    })();
  }

  /** The checks a filter matches, newest first, at most `f.limit` (5,000 unless given). */
  listChecks(f: CheckFilter = {}): CheckSummary[] {
    return this.pageChecks(f, { limit: f.limit ?? 5000 });
  }

  /** One page of the checks a filter matches, in the order of a table column (newest first unless given). */
  pageChecks(f: CheckFilter, page: { sort?: CheckSort; offset?: number; limit: number }): CheckSummary[] {
    const w = whereOf(f);
    const rows = this.sql(`SELECT ${SUMMARY_COLUMNS} FROM checks ${w.sql} ${orderOf(page.sort)} LIMIT ? OFFSET ?`).all(...w.params, page.limit, page.offset ?? 0) as CheckRow[];
    return rows.map(toSummary);
  }

  /** How many checks a filter matches (files that could not be read included). */
  countChecks(f: CheckFilter = {}): number {
    const w = whereOf(f);
    return (this.sql(`SELECT count(*) AS n FROM checks ${w.sql}`).get(...w.params) as { n: number }).n;
  }

  /** The teams and authors named on any check, for the filters' choices. */
  people(): { teams: string[]; authors: string[] } {
    return peopleOf(this.db);
  }

  getCheck(id: number): CheckDetail | null {
    const row = this.sql(`SELECT ${SUMMARY_COLUMNS}, text FROM checks WHERE id = ?`).get(id) as (CheckRow & { text: string | null }) | undefined;
    if (!row) return null;
    const findings = this.sql('SELECT rule, category, severity, decision, reason, excerpt FROM findings WHERE check_id = ? ORDER BY seq').all(id) as StoredFinding[];
    const versionList = row.content_hash ? this.pageChecks({ document: row.content_hash }, { limit: 1000 }) : [toSummary(row)];
    return { ...toSummary(row), text: row.text, findings, versionList };
  }

  /** Figures for the supervisor view: score over time, frequent rules, missing elements, dismissal rates. */
  stats(f: CheckFilter = {}): HistoryStats {
    return statsOf(this.db, f);
  }

  /** Documents, their average score and how many need work (score below `needsWorkBelow`), by author and by team. */
  groups(f: CheckFilter = {}, needsWorkBelow = DEFAULT_SETTINGS.needsWorkBelow): HistoryGroups {
    return groupsOf(this.db, f, needsWorkBelow);
  }

  /** The whole history (or a filtered part) as a team file another checker can import. */
  exportTeam(f: CheckFilter = {}, opts: { includeText?: boolean } = {}, now = new Date()): TeamFile {
    // Oldest first, so an import keeps the order in which the checks were made.
    const checks = this.listChecks({ ...f, everyVersion: true, limit: 1_000_000 })
      .reverse()
      .map((c) => this.getCheck(c.id)!)
      .map((c) => (opts.includeText ? c : { ...c, text: null, findings: c.findings.map((x) => ({ ...x, excerpt: null })) }));
    return {
      format: TEAM_FORMAT,
      version: 1,
      exportedAt: now.toISOString(),
      checks: checks.map(({ id: _id, auditId: _a, hasText: _h, versions: _v, versionList: _l, ...c }) => ({ ...c, source: c.source })),
    };
  }

  /** Merges a team file: checks already present (same uid) are skipped. */
  importTeam(raw: unknown): { added: number; skipped: number } {
    const parsed = TeamFileSchema.safeParse(raw);
    if (!parsed.success) throw new StoreError(`This is not a team file from NRM Referral Checker (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}).`);
    const keepText = this.settings().storeText;
    let added = 0;
    let skipped = 0;
    const hashes = new Set<string>();
    this.db.transaction(() => {
      const has = this.sql('SELECT 1 FROM checks WHERE uid = ?');
      const ins = this.sql(
        `INSERT INTO checks (uid, file_name, content_hash, checked_at, author, team, words, score, disbelief, victim_blaming, jargon, missing, is_child, status, source, error, text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'team', ?, ?)`,
      );
      const insF = this.sql('INSERT INTO findings (check_id, seq, rule, category, severity, decision, reason, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const c of parsed.data.checks) {
        if (has.get(c.uid)) {
          skipped++;
          continue;
        }
        const id = Number(
          ins.run(c.uid, c.fileName, c.contentHash, c.checkedAt, c.author, c.team, c.words, c.score, c.disbelief, c.victimBlaming, c.jargon, c.missing.join(' '), c.isChild === null ? null : c.isChild ? 1 : 0, c.status, c.error, keepText ? c.text : null).lastInsertRowid,
        );
        c.findings.forEach((f, i) => insF.run(id, i, f.rule, f.category, f.severity, f.decision, f.reason, keepText ? f.excerpt : null));
        hashes.add(c.contentHash);
        added++;
      }
      for (const h of hashes) this.markNewest(h);
    })();
    return { added, skipped };
  }
}

/**
 * The history file, its log and shared-memory file are readable by the user only (SQLite gives the log and
 * shared-memory files the database file's mode), and so is the app-data folder that holds them.
 */
function keepPrivate(file: string): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (dir === appDataDir()) privateDir(dir);
  try {
    fs.closeSync(fs.openSync(file, 'a', 0o600)); // created here, so SQLite never makes it readable by others
  } catch {
    // opening it with SQLite says what is wrong
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      if (fs.statSync(f).mode & 0o077) fs.chmodSync(f, 0o600);
    } catch {
      // not there, or not ours to change (then opening it says so)
    }
  }
}

export const TEAM_FORMAT = 'nrm-referral-checker/team';

const TeamCheckSchema = z.object({
  uid: z.string().min(8).max(100),
  fileName: z.string().max(1000),
  contentHash: z.string().max(200),
  checkedAt: z.iso.datetime(),
  author: z.string().max(500),
  team: z.string().max(500),
  words: z.number().int().min(0),
  score: z.number().int().min(0).max(100).nullable(),
  disbelief: z.number().int().min(0),
  victimBlaming: z.number().int().min(0),
  jargon: z.number().int().min(0),
  missing: z.array(z.enum(ELEMENTS)),
  isChild: z.boolean().nullable(),
  status: z.enum(STATUSES),
  source: z.enum(['app', 'audit', 'team']),
  error: z.string().max(100).nullable(),
  text: z.string().max(5_000_000).nullable(),
  findings: z
    .array(
      z.object({
        rule: z.string().max(200),
        category: z.enum(CATEGORIES),
        severity: z.enum(SEVERITIES),
        decision: z.enum(['open', 'accepted', 'dismissed']),
        reason: z.string().max(5000).nullable(),
        excerpt: z.string().max(5000).nullable(),
      }),
    )
    .max(100_000),
});

export const TeamFileSchema = z.object({ format: z.literal(TEAM_FORMAT), version: z.literal(1), exportedAt: z.string(), checks: z.array(TeamCheckSchema).max(1_000_000) });
export type TeamFile = z.infer<typeof TeamFileSchema>;
