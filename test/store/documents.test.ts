/**
 * One document, many versions: reopening a file, re-running an audit or re-checking the same words updates
 * the document's version instead of adding a row; an edited draft is a new version beneath the same row; the
 * figures count documents, not checks.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store, type NewCheck } from '../../src/store/store.js';
import { check } from '../helpers.js';

const DRAFT = 'Referral for Ana, aged 19. She claims she was brought to Leeds in March 2023 and made to work for no pay. She alleges the boss kept her passport.';
const EDITED = 'Referral for Ana, aged 19. She said she was brought to Leeds in March 2023 and made to work for no pay. She alleges the boss kept her passport.';
const HASH = 'a'.repeat(64);

function tmpStore(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-docs-')), 'history.sqlite');
}

const opened = (text: string, more: Partial<NewCheck> = {}): NewCheck => ({ fileName: 'ana.docx', contentHash: HASH, words: 30, result: check(text), text, source: 'app', ...more });

describe('a document checked again', () => {
  it('is one row: three opens of the same file update its version, and an edit adds a version beneath it', () => {
    const store = Store.open(':memory:');
    const first = store.addCheck(opened(DRAFT, { checkedAt: new Date('2026-05-01T09:00:00Z') }));
    expect(store.addCheck(opened(DRAFT, { checkedAt: new Date('2026-05-02T09:00:00Z') }))).toBe(first);
    // the user edits the draft opened the third time: the same row gains a version
    const third = store.addCheck(opened(DRAFT, { checkedAt: new Date('2026-05-03T09:00:00Z') }));
    expect(third).toBe(first);
    store.updateCheck(third, { result: check(EDITED), text: EDITED, words: 30 });
    const reopened = store.addCheck(opened(DRAFT));
    expect(reopened).not.toBe(first);

    expect(store.countChecks()).toBe(1);
    const [row] = store.listChecks();
    expect(row).toMatchObject({ id: reopened, versions: 2 });
    const detail = store.getCheck(reopened)!;
    expect(detail.versionList.map((v) => v.id)).toEqual([reopened, first]);
    expect(store.stats().checks).toBe(1);
    // a team file carries every version
    expect(store.exportTeam().checks).toHaveLength(2);
    store.close();
  });

  it('re-run by an audit updates the audit’s version, and a file that could not be read stays one row', () => {
    const store = Store.open(':memory:');
    const a1 = store.startAudit('/cases', 2);
    const id = store.addCheck(opened(DRAFT, { source: 'audit', auditId: a1 }));
    const bad = store.addCheck({ fileName: 'locked.pdf', contentHash: 'b'.repeat(64), words: 0, source: 'audit', auditId: a1, error: 'encrypted' });
    const a2 = store.startAudit('/cases', 2);
    expect(store.addCheck(opened(DRAFT, { source: 'audit', auditId: a2 }))).toBe(id);
    expect(store.addCheck({ fileName: 'locked.pdf', contentHash: 'b'.repeat(64), words: 0, source: 'audit', auditId: a2, error: 'encrypted' })).toBe(bad);
    expect(store.countChecks()).toBe(2);
    expect(store.listChecks({ auditId: a2 }).map((c) => c.id).sort()).toEqual([id, bad].sort());
    store.close();
  });

  it('counts documents by author and team, with how many need work', () => {
    const store = Store.open(':memory:');
    store.updateSettings({ author: 'Jo Reid', team: 'North' });
    store.addCheck({ ...opened(DRAFT), contentHash: 'c'.repeat(64) });
    store.addCheck({ ...opened(EDITED), contentHash: 'd'.repeat(64) });
    const score = store.listChecks().map((c) => c.score!);
    const g = store.groups({}, Math.max(...score) + 1);
    expect(g.byAuthor).toEqual([{ name: 'Jo Reid', documents: 2, averageScore: Math.round((score[0]! + score[1]!) / 2), needsWork: 2 }]);
    expect(g.byTeam[0]).toMatchObject({ name: 'North', documents: 2 });
    expect(store.countChecks({ needsWorkBelow: Math.min(...score) + 1 })).toBe(score[0] === score[1] ? 2 : 1);
    store.close();
  });

  it('groups the checks of a history written before versions by their file’s content', () => {
    const file = tmpStore();
    const store = Store.open(file);
    store.addCheck({ ...opened(DRAFT), checkedAt: new Date('2026-01-01T00:00:00Z') });
    store.close();
    // as an older version wrote it: the same file checked twice, no revision, no newest mark
    const raw = new Database(file);
    raw.exec(`INSERT INTO checks (uid, file_name, content_hash, checked_at, source, score) SELECT 'old-2', file_name, content_hash, '2026-02-01T00:00:00.000Z', 'app', 50 FROM checks;
      ALTER TABLE checks DROP COLUMN newest; DROP INDEX checks_document; ALTER TABLE checks DROP COLUMN revision; PRAGMA user_version = 2;`);
    raw.close();
    const again = Store.open(file);
    expect(again.countChecks()).toBe(1);
    expect(again.listChecks()[0]).toMatchObject({ score: 50, versions: 2 });
    again.close();
  });
});
