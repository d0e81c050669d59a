/** File → Save trained model after a run (issue 12 item 9): usable without a selection; when not, the reason is in words. */
import { expect, test, type Page } from '@playwright/test';
import { card, clickCanvas, graphOf, load, openEditor } from './editor-helpers';

const saveItem = (page: Page) => page.locator('[role="menuitem"][data-command="file.saveModel"]');

async function openFileMenu(page: Page): Promise<void> {
  await page.locator('[data-menu="File"]').click();
  await expect(saveItem(page)).toBeVisible();
}

test('Save trained model is enabled after a run, and says why when it is not', async ({ page }) => {
  await openEditor(page, 'backend=wasm');
  await load(
    page,
    graphOf(
      [
        { id: 'data', type: 'data.toy2d', params: { count: 200 }, position: [0, 0] },
        { id: 'sched', type: 'noise.geometric', position: [0, 260] },
        { id: 'net', type: 'model.mlp', position: [0, 440] },
        { id: 'loss', type: 'loss.dsm', position: [0, 700] },
        { id: 'adam', type: 'optim.adam', position: [0, 820] },
        { id: 'train', type: 'train.fit', params: { steps: 20, logEvery: 10 }, position: [340, 200] },
      ],
      [
        ['data.dataset', 'train.dataset'],
        ['sched.schedule', 'train.schedule'],
        ['net.model', 'train.model'],
        ['loss.loss', 'train.loss'],
        ['adam.optimizer', 'train.optimizer'],
      ],
    ),
  );
  await openFileMenu(page);
  await expect(saveItem(page)).toBeDisabled();
  await expect(saveItem(page).getByTestId('menu-reason')).toBeVisible();
  await expect(saveItem(page).getByTestId('menu-reason')).toContainText('train.fit');
  await page.keyboard.press('Escape');

  await expect(page.locator('[data-command="run.start"]')).toBeEnabled();
  await clickCanvas(page);
  await page.keyboard.press('Control+Enter');
  await expect(card(page, 'train').getByTestId('node-status')).toHaveAttribute('data-status', 'done');
  await openFileMenu(page);
  await expect(saveItem(page)).toBeEnabled();
  await expect(saveItem(page).getByTestId('menu-reason')).toHaveCount(0);
});
