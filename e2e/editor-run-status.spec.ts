/** Running: per-node status and progress, Stop (Escape), and cached results when only a viewer changed. */
import { expect, test } from '@playwright/test';
import { card, clickCanvas, graphOf, load, openEditor, toyTraining } from './editor-helpers';

test('a running node shows progress; Escape stops the run', async ({ page }) => {
  await openEditor(page, 'backend=wasm');
  await load(page, toyTraining({ train: { steps: 100000 } }));
  await expect(page.locator('[data-command="run.start"]')).toBeEnabled(); // the worker is ready
  await page.keyboard.press('Control+Enter');
  const train = card(page, 'train');
  await expect(train.getByTestId('node-status')).toHaveAttribute('data-status', 'running');
  await expect(train.getByTestId('node-progress')).toContainText(/step \d+/);
  await expect(page.locator('[data-command="run.stop"]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => window.__scoregraph!.runStatus())).toBe('cancelled');
  await expect(train.getByTestId('node-status')).toHaveAttribute('data-status', 'cancelled');
  await expect(train.getByTestId('node-progress')).toHaveCount(0);
  await expect(page.locator('[data-command="run.start"]')).toBeEnabled();
});

test('changing only a viewer re-runs the viewer; upstream nodes come from the cache', async ({ page }) => {
  await openEditor(page, 'backend=wasm');
  await load(
    page,
    graphOf(
      [
        { id: 'data', type: 'data.toy2d', params: { count: 300 }, position: [0, 0] },
        { id: 'pick', type: 'data.pick', params: { count: 50 }, position: [320, 0] },
        { id: 'view', type: 'view.points', position: [640, 0] },
      ],
      [
        ['data.dataset', 'pick.dataset'],
        ['pick.batch', 'view.samples'],
        ['data.dataset', 'view.dataset'],
      ],
    ),
  );
  await expect(page.locator('[data-command="run.start"]')).toBeEnabled();
  await page.keyboard.press('Control+Enter');
  for (const id of ['data', 'pick', 'view'])
    await expect(card(page, id).getByTestId('node-status')).toHaveAttribute('data-status', 'done');
  await expect(card(page, 'view').getByTestId('viewer').locator('canvas')).toHaveAttribute(
    'data-points',
    '50',
  );

  const arrows = card(page, 'view').getByTestId('control-arrows').locator('input');
  await arrows.fill('8');
  await arrows.press('Enter');
  await clickCanvas(page);
  await page.keyboard.press('Control+Enter');
  await expect(card(page, 'view').getByTestId('node-status')).toHaveAttribute('data-status', 'done');
  await expect(card(page, 'data').getByTestId('node-status')).toHaveAttribute('data-status', 'cached');
  await expect(card(page, 'pick').getByTestId('node-status')).toHaveAttribute('data-status', 'cached');
});
