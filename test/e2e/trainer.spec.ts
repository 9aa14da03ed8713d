/**
 * The trainer's journey: from the welcome screen to an example shown whole before and after, presented
 * without the app's chrome with each change brought into view, and a trainer's own draft as an example.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { seriousViolations, useAppHost } from './host.js';

const { openApp, shots: SHOTS } = useAppHost();

test('the welcome screen leads to the trainer: before and after side by side, then presented change by change', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('welcome-sample')).toBeVisible();
  await page.getByTestId('welcome-trainer').click();
  await expect(page.getByTestId('view-trainer')).toHaveAttribute('aria-current', 'page');
  expect(await seriousViolations(page)).toEqual([]);
  // By keyboard: choosing an example puts the focus on its heading (the pressed button is gone), and going back
  // to the list puts it on the list's heading
  await page.getByTestId('trainer-example').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#trainer-title')).toBeFocused();
  await expect(page.locator('#trainer-title')).not.toHaveText('Trainer');
  await page.getByRole('button', { name: 'All examples' }).press('Enter');
  await expect(page.locator('#trainer-title')).toHaveText('Trainer');
  await expect(page.locator('#trainer-title')).toBeFocused();
  await page.getByTestId('trainer-example').first().click();

  // The whole draft before and after: every change marked on both sides.
  await page.getByTestId('compare').click();
  const before = page.getByTestId('before-text');
  const after = page.getByTestId('after-text');
  await expect(before).toContainText('He has made a lifestyle choice to go missing');
  await expect(after).not.toContainText('lifestyle choice');
  await expect(after).toContainText('He has been missing from home repeatedly since November 2024');
  const steps = Number((await page.getByTestId('step-count').textContent())!.match(/(\d+) changes/)![1]);
  await expect(after.locator('mark')).toHaveCount(steps);
  expect(await before.locator('mark').count()).toBeGreaterThan(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'trainer-1-before-after.png'), fullPage: true });

  // Presentation: no app chrome; each change is brought into view, on both sides.
  await page.getByTestId('present').click();
  await expect(page.getByRole('heading', { name: 'NRM Referral Checker' })).toBeHidden();
  for (let i = 1; i <= steps; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('step-count')).toContainText(`Step ${i} of ${steps}`);
  }
  await expect(after.locator(`mark[data-step="${steps}"]`)).toHaveClass(/current/);
  await expect(after.locator(`mark[data-step="${steps}"]`)).toBeInViewport();
  await page.screenshot({ path: path.join(SHOTS, 'trainer-2-presenting.png') });
  // one change at a time, still presenting: the change is in view
  await page.getByTestId('compare').click();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('trainer-text').locator('mark.current')).toBeInViewport();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'NRM Referral Checker' })).toBeVisible();
});

test('the welcome screen opens a sample draft; a trainer shows their own draft as an example', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('welcome-sample').click();
  await expect(page.getByRole('heading', { name: 'sample-draft.txt', exact: true })).toBeVisible();
  await expect(page.getByTestId('finding').first()).toBeVisible();
  await page.getByTestId('view-trainer').click();
  await page.getByTestId('trainer-own').setInputFiles({
    name: 'my-class-draft.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Referral for a woman aged 34. She claims she was brought to the UK for work. She is an illegal immigrant and chose to stay.'),
  });
  await expect(page.getByRole('heading', { name: 'my-class-draft.txt', exact: true })).toBeVisible();
  await page.getByTestId('compare').click();
  await expect(page.getByTestId('before-text')).toContainText('She claims');
  await expect(page.getByTestId('after-text')).not.toContainText('claims');
  await expect(page.getByTestId('trainer-left')).toContainText('more to talk through');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'trainer-3-own-draft.png'), fullPage: true });
});
