/**
 * History at the scale of a year's referrals: a history of 17,000 checks (recorded straight through the store
 * before the browser host starts) opens with every check counted, the 17,000th is found by searching for
 * its file name, and the table is walked from the keyboard, all within a few seconds.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../src/store/store.js';
import { checkFileName, seedHistory } from '../bench/history-seed.js';
import { openApp, seriousViolations, startHost } from './host.js';

const CHECKS = 17_000;
let host: Awaited<ReturnType<typeof startHost>> | undefined;
const outside: string[] = [];

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-e2e-history-'));
  const store = Store.open(path.join(dataDir, 'history.sqlite'));
  seedHistory(store, CHECKS);
  store.close();
  host = await startHost(dataDir);
});

test.afterAll(() => {
  host?.stop();
  if (host) fs.rmSync(host.dataDir, { recursive: true, force: true });
  expect(outside).toEqual([]);
});

test('History with 17,000 checks: all counted, the last found by search, every row reached from the keyboard', async ({ page }) => {
  await openApp(page, host!, outside);
  await page.getByTestId('view-history').click();
  const rows = page.getByTestId('history-table').getByTestId('row');
  await expect(page.getByTestId('history-rows')).toHaveText('Listing 17,000 of 17,000 documents.');
  await expect(page.getByTestId('history-table')).toHaveAttribute('aria-rowcount', String(CHECKS + 1));
  // Only the rows near the view are in the page; the newest check is first.
  await expect(rows.first()).toContainText(checkFileName(CHECKS));
  expect(await rows.count()).toBeLessThan(200);

  // The keyboard: Tab reaches the first row, the arrows move by one, End reaches the oldest check.
  await rows.first().getByRole('button').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveText(checkFileName(CHECKS - 1));
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toHaveText(checkFileName(1));
  await expect(page.locator('tr:has(:focus)')).toHaveAttribute('aria-rowindex', String(CHECKS + 1));
  await page.keyboard.press('Home');
  await expect(page.locator(':focus')).toHaveText(checkFileName(CHECKS));
  expect(await seriousViolations(page)).toEqual([]);

  // The 17,000th check, found by its file name, and opened with Enter.
  const name = checkFileName(CHECKS);
  await page.getByTestId('history-search').fill(name);
  await expect(page.getByTestId('history-rows')).toHaveText('Listing 1 of 17,000 documents, those that match the filters.');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button').press('Enter');
  await expect(page.getByTestId('check-report')).toContainText(name);
});
