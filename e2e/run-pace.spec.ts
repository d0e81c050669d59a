/** Time you can plan (issue 10 item 5): a running node shows steps/s and time left, and a long one is flagged in words. */
import { expect, test } from '@playwright/test';
import { card, load, openEditor, toyTraining } from './editor-helpers';

/** A million toy steps: well over 15 minutes on WASM. */
const longToyTraining = toyTraining({ train: { steps: 1_000_000 } });

test('a training node shows its steps/s and time left, and a long run is warned about', async ({ page }) => {
  await openEditor(page, 'backend=wasm');
  await load(page, longToyTraining);
  await expect(page.locator('[data-command="run.start"]')).toBeEnabled();
  await page.keyboard.press('Control+Enter');
  const train = card(page, 'train');
  await expect(train.getByTestId('node-pace')).toHaveText(/^[\d.]+ steps\/s$/);
  await expect(train.getByTestId('node-status')).toHaveText(/^\d+ (h \d\d min|min|s) left$/);
  await expect(train.getByTestId('node-status')).toHaveAttribute('data-status', 'running');
  // A million toy steps on WASM take well over 15 minutes: the editor says so, naming the node.
  await expect(page.getByTestId('toast').filter({ hasText: '"train" needs ≈' })).toBeVisible();
  await page.locator('[data-command="run.stop"]').click();
  await expect.poll(() => page.evaluate(() => window.__scoregraph!.runStatus())).toBe('cancelled');
});

test('Estimate time measures the graph for a few seconds and says how long the run takes', async ({
  page,
}) => {
  await openEditor(page, 'backend=wasm');
  await load(page, longToyTraining);
  await expect(page.locator('[data-command="run.estimate"]')).toBeEnabled();
  await page.locator('[data-command="run.estimate"]').click();
  const toast = page.getByTestId('toast').filter({ hasText: 'Estimated: ≈' });
  await expect(toast).toContainText('on WASM here (to the end of "train")');
  await expect(toast).toContainText('try mnist-quick');
  await expect.poll(() => page.evaluate(() => window.__scoregraph!.runStatus())).toBe('cancelled');
});
