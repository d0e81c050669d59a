/** Screenshots of the default preset in light and dark (and at 200 % zoom) for review, kept in e2e-artifacts/. */
import { expect, test } from '@playwright/test';
import { card, openEditor } from './editor-helpers';

const OUT = 'e2e-artifacts';

test('the default preset, light and dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await openEditor(page, 'backend=wasm');
  await expect(page.getByTestId('node').first()).toBeVisible();
  if ((await page.locator('sg-app').getAttribute('theme')) === 'dark')
    await page.evaluate(() => window.__scoregraph!.command('view.theme'));
  await expect(page.locator('sg-app')).toHaveAttribute('theme', 'light');
  await page.screenshot({ path: `${OUT}/editor-light.png`, animations: 'disabled' });
  await page.evaluate(() => window.__scoregraph!.command('view.theme'));
  await expect(page.locator('sg-app')).toHaveAttribute('theme', 'dark');
  await page.screenshot({ path: `${OUT}/editor-dark.png`, animations: 'disabled' });
  // The choice persists across reloads.
  await page.reload();
  await page.waitForFunction(() => window.__scoregraph?.ready === true);
  await expect(page.locator('sg-app')).toHaveAttribute('theme', 'dark');
  await page.evaluate(() => window.__scoregraph!.command('view.theme'));
});

test.describe('at 200 % zoom', () => {
  test.use({ viewport: { width: 700, height: 450 }, deviceScaleFactor: 2 });
  test('the default preset stays readable', async ({ page }) => {
    await openEditor(page, 'backend=wasm');
    await expect(card(page, 'data')).toBeVisible();
    await page.screenshot({ path: `${OUT}/editor-200.png`, animations: 'disabled' });
  });
});
