/**
 * The supervisor's History through the API: a reopened file stays one row, rules come in words, figures by
 * author and team with the "needs work" threshold, and a row opens its draft (its last saved revision, with
 * its dismissals) or says plainly why it cannot.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/api/handlers.js';
import { Store } from '../../src/store/store.js';
import { builtInRules } from '../helpers.js';

const TEXT = 'Referral for Ana, aged 19. She claims she was brought to Leeds in March 2023 and made to work for no pay by a man she met online.';
const HASH = 'e'.repeat(64);
const WINDOW = 'window-test-1';

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-api-open-'));
  const store = Store.open(path.join(dir, 'h.sqlite'));
  return { store, h: createHandlers(builtInRules(), { store, recoveryDir: path.join(dir, 'recovery') }) };
}

describe('History for a supervisor', () => {
  it('keeps one row for a file opened three times, names rules in words and counts by author and team', async () => {
    const { store, h } = setup();
    await value(h.settingsSet({ author: 'Jo Reid', team: 'North', needsWorkBelow: 95 }));
    const draft = { name: 'ana.docx', original: null, text: TEXT, accepted: [], dismissed: [] };
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await value(h.historySave({ contentHash: HASH, draft }))).id);
    expect(new Set(ids).size).toBe(1);
    const list = await value(h.historyList({}));
    expect(list).toMatchObject({ matching: 1, total: 1, needsWorkBelow: 95 });
    const rule = list.stats!.rules[0]!.rule;
    expect(list.ruleWords![rule]!.name).not.toContain('/');
    expect(list.ruleWords![rule]!.about.length).toBeGreaterThan(20);
    expect(list.groups!.byAuthor).toEqual([expect.objectContaining({ name: 'Jo Reid', documents: 1 })]);
    expect(list.groups!.byTeam[0]!.name).toBe('North');
    const score = list.checks[0]!.score!;
    expect(score).toBeLessThan(95);
    expect((await value(h.historyList({ filter: { needsWork: true } }))).matching).toBe(1);
    await value(h.settingsSet({ needsWorkBelow: score }));
    expect((await value(h.historyList({ filter: { needsWork: true } }))).matching).toBe(0);
    store.close();
  });

  it('opens a row’s last saved revision with its dismissals when the text is kept, and says why not when it is not', async () => {
    const { store, h } = setup();
    const draft = { name: 'ana.docx', original: null, text: TEXT, accepted: [], dismissed: [] };
    const first = await value(h.historySave({ contentHash: HASH, draft }));
    const refused = await h.historyOpen({ id: first.id, window: WINDOW });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/not kept on this computer.*Keep the document text/);

    await value(h.settingsSet({ storeText: true }));
    const view = await value(h.lint({ draft }));
    const dismissed = [{ finding: view.findings[0]!, reason: 'Her own words.' }];
    await value(h.historySave({ id: first.id, contentHash: HASH, draft: { ...draft, dismissed } }));
    const opened = await value(h.historyOpen({ id: first.id, window: WINDOW }));
    expect(opened.from).toBe('saved');
    expect(opened.work).toMatchObject({ name: 'ana.docx', text: TEXT, historyId: first.id, contentHash: HASH });
    expect(opened.work.dismissed).toEqual([{ finding: view.findings[0], reason: 'Her own words.' }]);
    store.close();
  });
});
