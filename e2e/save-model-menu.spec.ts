/** File → Save trained model after a run (issue 12 item 9): usable without a selection; when not, the reason is in words. */
import { expect, test, type Page } from '@playwright/test';
import { card, clickCanvas, load, openEditor, toyTraining } from './editor-helpers';

const saveItem = (page: Page) => page.locator('[role="menuitem"][data-command="file.saveModel"]');

async function openFileMenu(page: Page): Promise<void> {
  await page.locator('[data-menu="File"]').click();
  await expect(saveItem(page)).toBeVisible();
}

test('Save trained model is enabled after a run, and says why when it is not', async ({ page }) => {
  await openEditor(page, 'backend=wasm');
  await load(page, toyTraining({ data: { count: 200 }, train: { steps: 20 } }));
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
