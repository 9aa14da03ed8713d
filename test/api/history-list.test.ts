import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_PAGE, HISTORY_PAGE_MAX, parseInput } from '../../src/api/contract.js';
import { createHandlers } from '../../src/api/handlers.js';
import { Store } from '../../src/store/store.js';
import { checkFileName, seedHistory } from '../bench/history-seed.js';
import { builtInRules } from '../helpers.js';

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('historyList: a page of the history at a time', () => {
  const CHECKS = 730;
  let h: ReturnType<typeof createHandlers>;
  let store: Store;
  beforeAll(() => {
    store = Store.open(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-api-history-')), 'h.sqlite'));
    seedHistory(store, CHECKS);
    h = createHandlers(builtInRules(), { store });
  });

  it('answers the first page, newest first, with how many there are, the figures and the filters’ choices', async () => {
    const first = await value(h.historyList({}));
    expect(first.checks).toHaveLength(HISTORY_PAGE);
    expect(first.checks[0]!.fileName).toBe(checkFileName(CHECKS));
    expect(first).toMatchObject({ offset: 0, matching: CHECKS, total: CHECKS });
    expect(first.stats!.checks + first.stats!.errors).toBe(CHECKS);
    expect(first.teams).toContain('North');
    expect(first.authors).toContain('Sam Patel');
  });

  it('reaches the last check by offset, and leaves the figures out when asked', async () => {
    const last = await value(h.historyList({ offset: CHECKS - 1, stats: false }));
    expect(last.checks.map((c) => c.fileName)).toEqual([checkFileName(1)]);
    expect(last).toEqual({ checks: last.checks, offset: CHECKS - 1, matching: CHECKS, total: CHECKS, needsWorkBelow: 70 });
    expect((await value(h.historyList({ offset: CHECKS, stats: false }))).checks).toEqual([]);
  });

  it('searches, filters and sorts the whole history, and says how many match of how many', async () => {
    const found = await value(h.historyList({ filter: { search: checkFileName(1) } }));
    expect(found.checks.map((c) => c.fileName)).toEqual([checkFileName(1)]);
    expect(found).toMatchObject({ matching: 1, total: CHECKS });
    const ready = await value(h.historyList({ filter: { status: 'ready' }, sort: { key: 'score', dir: 'asc' }, limit: HISTORY_PAGE_MAX, stats: false }));
    expect(ready.matching).toBe(store.countChecks({ status: 'ready' }));
    expect(ready.checks.every((c) => c.status === 'ready')).toBe(true);
    const scores = ready.checks.filter((c) => c.score !== null).map((c) => c.score!);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('refuses a page too large, a negative offset or a column that does not exist, before the handler runs', () => {
    expect(parseInput('historyList', { limit: HISTORY_PAGE_MAX + 1 }).ok).toBe(false);
    expect(parseInput('historyList', { offset: -1 }).ok).toBe(false);
    expect(parseInput('historyList', { sort: { key: 'text', dir: 'asc' } }).ok).toBe(false);
    expect(parseInput('historyList', { sort: { key: 'score', dir: 'desc' }, offset: 100, limit: 100, stats: false }).ok).toBe(true);
  });
});
