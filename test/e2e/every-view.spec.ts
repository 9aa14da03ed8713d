/**
 * Every view of the app, walked with the keyboard wherever a user could, each checked by axe (no serious or
 * critical violation): the welcome screen; a draft in the check view with a finding's dismiss box and the
 * export panel open; the form view and its scrollable answer boxes; edit mode; History with a row open; an
 * audit with its table and charts; the trainer and its presentation mode; Settings; and the dark theme on the
 * check view and History. Focus must land where a user expects it, and be seen (`:focus-visible`).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, seriousViolations, useAppHost } from './host.js';

const DEV = path.resolve(ROOT, '../shared/corpus/dev');
const DRAFT = path.join(DEV, 'd10.docx');
const { openApp, shots: SHOTS } = useAppHost();

/** A temp folder holding a longer draft (three of the dev drafts one after another) and a small folder to audit. */
function makeFiles(): { dir: string; long: string; audit: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-e2e-every-view-'));
  const long = path.join(dir, 'long-referral.txt');
  fs.writeFileSync(long, ['d04', 'd05', 'd06'].map((d) => fs.readFileSync(path.join(DEV, `${d}.txt`), 'utf8')).join('\n\n'));
  const audit = path.join(dir, 'audit');
  fs.mkdirSync(audit);
  for (const f of ['d03.txt', 'd05.docx', 'd07.docx']) fs.copyFileSync(path.join(DEV, f), path.join(audit, f));
  return { dir, long, audit };
}

test.skip(!fs.existsSync(DRAFT), 'needs ../shared/corpus/dev');

/**
 * Presses Tab until `target` has the focus, as a keyboard user would (Shift+Tab when it comes before the focus);
 * fails if it never does.
 */
async function tabTo(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeAttached();
  const back = await target.evaluate((el) => {
    const at = document.activeElement;
    return Boolean(at && at !== document.body && el.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  for (let i = 0; i < 120; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Opens a draft from the toolbar's Open button, by the keyboard (Space opens the file chooser). */
async function openByKeyboard(page: Page, file: string): Promise<void> {
  const open = page.getByTestId('open-file');
  await tabTo(page, open);
  // the input is hidden; its label is the button, and draws the focus
  await expectVisibleFocus(open);
  await expect(page.locator('.view-toolbar label.button:focus-within')).toHaveCount(1);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles(file);
  await expect(page.getByTestId('finding').first()).toBeVisible();
}

/** The focused element is `target` and its focus is drawn (`:focus-visible`). */
async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  expect(await target.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
}

/** From wherever the focus is, back up to a view's tab in the header and open it with Enter. */
async function goTo(page: Page, view: string): Promise<void> {
  const tab = page.getByTestId(`view-${view}`);
  await tabTo(page, tab);
  await page.keyboard.press('Enter');
  await expect(tab).toHaveAttribute('aria-current', 'page');
  await expectVisibleFocus(tab);
}

/** Tabs from the header into the view shown: the first stop is inside `view`, and its focus is seen. */
async function tabIntoView(page: Page, view: Locator): Promise<void> {
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => Boolean(document.activeElement?.closest('main')))) break;
  }
  const focused = page.locator(':focus');
  expect(await view.evaluate((v) => v.contains(document.activeElement))).toBe(true);
  await expectVisibleFocus(focused);
}

/** axe finds no serious or critical violation on the page as it is now; then a screenshot of it. */
async function noSeriousViolations(page: Page, shot: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, shot).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, `every-view-${shot}.png`), fullPage: true });
}

test('every view passes axe and can be used from the keyboard', async ({ page }) => {
  test.setTimeout(60_000);
  const files = makeFiles();
  // Nothing the app does on any view logs an error in the console (a refused style, a missing file, a crash)
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);

  // The welcome screen: nothing open yet.
  await expect(page.getByTestId('welcome')).toBeVisible();
  // once through the shared helper (AxeBuilder), as every other spec checks
  expect(await seriousViolations(page)).toEqual([]);
  await noSeriousViolations(page, '01-welcome');

  // A draft opened from the toolbar's Open button, by the keyboard.
  await openByKeyboard(page, DRAFT);
  const cards = page.getByTestId('finding');
  await expect(page.getByRole('heading', { name: 'd10.docx' })).toBeVisible();

  // j / k move between findings: the card moved to has the focus, seen.
  expect(await cards.count()).toBeGreaterThan(1);
  await tabTo(page, cards.first());
  await expectVisibleFocus(cards.first());
  await page.keyboard.press('j');
  await expectVisibleFocus(cards.nth(1));
  await page.keyboard.press('k');
  await expectVisibleFocus(cards.first());

  // d opens the finding's dismiss box with the focus in its reason; the export panel opens beside it.
  await page.keyboard.press('d');
  const reason = cards.first().getByTestId('dismiss-reason');
  await expectVisibleFocus(reason);
  const exportButton = page.getByRole('button', { name: 'Export…' });
  await tabTo(page, exportButton);
  await page.keyboard.press('Enter');
  await expect(page.locator('#export-panel')).toBeVisible();
  await expect(exportButton).toHaveAttribute('aria-expanded', 'true');
  // one look at the draft, its findings, a dismiss box and the export panel
  await noSeriousViolations(page, '02-check-dismiss-export');
  await page.keyboard.press('Enter');
  await expect(page.locator('#export-panel')).toHaveCount(0);
  await tabTo(page, cards.first().getByRole('button', { name: 'Cancel' }));
  await page.keyboard.press('Enter');
  await expect(reason).toHaveCount(0);

  // The form view of a longer draft (three of the dev drafts one after another), whose longest answers scroll
  // in their boxes: each scrolling box is reached with Tab (axe: scrollable-region-focusable) and named.
  await openByKeyboard(page, files.long);
  await expect(page.getByRole('heading', { name: 'long-referral.txt', exact: true })).toBeVisible();
  await tabTo(page, page.getByTestId('as-form'));
  await page.keyboard.press('Enter');
  const form = page.getByTestId('form-view');
  const answers = form.getByTestId('form-answer');
  await expect(answers.first()).toBeVisible();
  const scrolling = (await answers.evaluateAll((els) => els.map((el, i) => (el.scrollHeight > el.clientHeight ? i : -1)))).filter((i) => i >= 0);
  expect(scrolling.length).toBeGreaterThan(0);
  await noSeriousViolations(page, '03-form');
  for (const i of scrolling) {
    await tabTo(page, answers.nth(i));
    await expectVisibleFocus(answers.nth(i));
    await expect(answers.nth(i)).toHaveAccessibleName(/^Answer to “/);
  }
  await tabTo(page, page.getByTestId('as-form'));
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);

  // Edit mode: only that the editor is there and the view passes axe (its inside is another's work).
  const edit = page.getByRole('button', { name: 'Edit text' });
  await tabTo(page, edit);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor')).toBeVisible();
  await noSeriousViolations(page, '04-edit');
  // the focus stays on the toolbar's button, now Done editing
  await expectVisibleFocus(page.getByRole('button', { name: 'Done editing' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('document-text')).toBeVisible();

  // History, with the draft's row opened.
  await goTo(page, 'history');
  const rows = page.getByTestId('history-table').getByTestId('row');
  await expect(rows).toHaveCount(2);
  const rowButton = rows.first().getByRole('button').first();
  await tabTo(page, rowButton);
  await expectVisibleFocus(rowButton);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('check-report')).toBeVisible();
  await noSeriousViolations(page, '05-history');

  // An audit of a small folder, typed in: its table and charts.
  await goTo(page, 'audit');
  await tabTo(page, page.getByTestId('audit-folder'));
  await expectVisibleFocus(page.getByTestId('audit-folder'));
  await page.keyboard.type(files.audit);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('audit-progress-text')).toHaveText(/^Checked all 3 files/, { timeout: 20_000 });
  await expect(page.getByTestId('audit-table').getByTestId('row')).toHaveCount(3);
  await expect(page.getByTestId('chart-scores')).toBeVisible();
  await noSeriousViolations(page, '06-audit');

  // The trainer: its list, an example step by step, then before and after while presenting.
  await goTo(page, 'trainer');
  await tabIntoView(page, page.locator('.trainer-view'));
  await noSeriousViolations(page, '07-trainer-list');
  await tabTo(page, page.getByTestId('trainer-example').first());
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-count')).toContainText('changes to make');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toContainText('Step 1 of');
  await noSeriousViolations(page, '08-trainer-step');
  await tabTo(page, page.getByTestId('compare'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('before-after')).toBeVisible();
  await tabTo(page, page.getByTestId('present'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'NRM Referral Checker' })).toBeHidden();
  await noSeriousViolations(page, '09-presenting');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'NRM Referral Checker' })).toBeVisible();

  // Settings.
  await goTo(page, 'settings');
  await tabIntoView(page, page.getByTestId('settings-view'));
  await noSeriousViolations(page, '10-settings');

  // The dark theme, from the header's button: History with a row open, and the check view.
  const dark = page.getByRole('button', { name: 'Use dark theme' });
  await tabTo(page, dark);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await goTo(page, 'history');
  // the arrow keys move between rows
  const rowButtons = page.getByTestId('history-table').locator('button[data-row]');
  await tabTo(page, rowButtons.first());
  await page.keyboard.press('ArrowDown');
  await expectVisibleFocus(rowButtons.nth(1));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('check-report')).toBeVisible();
  await noSeriousViolations(page, '11-history-dark');
  await goTo(page, 'check');
  await expect(cards.first()).toBeVisible();
  // from the header, k (or j from the first) moves on from the active finding, and the focus goes with it
  const at = await cards.evaluateAll((els) => els.findIndex((el) => el.getAttribute('aria-current') === 'true'));
  await page.keyboard.press(at > 0 ? 'k' : 'j');
  await expectVisibleFocus(cards.nth(at > 0 ? at - 1 : 1));
  await noSeriousViolations(page, '12-check-dark');
  fs.rmSync(files.dir, { recursive: true, force: true });
  expect(errors).toEqual([]);
});
