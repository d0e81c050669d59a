/** A loss viewer downstream of a running train node shows the curve while it trains (issue 12 item 2). */
import { expect, test } from '@playwright/test';
import { card, load, openEditor, toyTraining } from './editor-helpers';

test('the loss viewer draws the live curve while training runs', async ({ page }) => {
  await openEditor(page, 'backend=wasm');
  await load(page, toyTraining({ train: { steps: 100000 }, curve: true }));
  await expect(page.locator('[data-command="run.start"]')).toBeEnabled();
  await page.keyboard.press('Control+Enter');
  const viewer = card(page, 'curve').getByTestId('viewer');
  await expect(viewer).toHaveAttribute('data-kind', 'loss');
  await expect(viewer.locator('.plot canvas')).toBeVisible();
  const first = Number(await viewer.getAttribute('data-last-loss'));
  expect(Number.isFinite(first)).toBe(true);
  // It keeps streaming: the caption's step moves on while train.fit is still running.
  const caption = card(page, 'curve').locator('.caption');
  const before = await caption.textContent();
  await expect(caption).not.toHaveText(before ?? '');
  await expect(caption).toContainText(/^live · loss .* at step \d+/);
  await expect(card(page, 'train').getByTestId('node-status')).toHaveAttribute('data-status', 'running');
  await page.locator('[data-command="run.stop"]').click();
  await expect.poll(() => page.evaluate(() => window.__scoregraph!.runStatus())).toBe('cancelled');
});
