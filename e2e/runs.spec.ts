/** Run history: every run is recorded; two runs compare (param diff, overlaid loss, outputs); restore is one click. */
import { expect, test } from '@playwright/test';
import { card, clickCanvas, doc, load, openEditor, toyTraining } from './editor-helpers';

const tinyTraining = (steps: number) =>
  toyTraining({
    data: { count: 200 },
    sched: { levels: 4 },
    net: { width: 16 },
    train: { steps, batchSize: 32 },
    curve: true,
  });

test('two runs are recorded, compared side by side, and a run restores its graph', async ({ page }) => {
  await openEditor(page, 'backend=wasm');
  await load(page, tinyTraining(40));
  const run = async () => {
    await expect(page.locator('[data-command="run.start"]')).toBeEnabled();
    await page.keyboard.press('Control+Enter');
    await expect(card(page, 'curve').getByTestId('node-status')).toHaveAttribute('data-status', 'done');
  };
  await run();
  // Change one param, run again.
  const steps = card(page, 'train').getByTestId('control-steps').locator('input');
  await steps.fill('60');
  await steps.press('Enter');
  await clickCanvas(page);
  await run();

  await page.locator('[data-command="view.runs"]').click();
  const panel = page.locator('sg-runs');
  await expect(panel.locator('li[data-run]')).toHaveCount(2);
  // Each row names its seed and its graph's content hash (the two runs ran different graphs).
  const hashes = await panel.locator('li[data-run] .hash').allTextContents();
  expect(hashes).toHaveLength(2);
  expect(hashes[0]).not.toBe(hashes[1]);
  await expect(panel.locator('li[data-run]').first()).toContainText(/seed \d+/);
  await expect(panel.locator('li[data-run]').first().locator('.changes')).toContainText(
    'train.steps 40 → 60',
  );
  await panel.locator('li[data-run] input[type=checkbox]').nth(1).check();
  await panel.locator('li[data-run] input[type=checkbox]').nth(0).check();
  const compare = panel.getByTestId('run-compare');
  await expect(compare).toContainText('1 difference');
  await expect(compare).toContainText('train.steps 40 → 60');
  await expect(compare.locator('sg-compare-chart')).toHaveCount(2); // loss per step, loss per level

  // Restore the older run: its graph comes back (asks first: the open graph has unsaved work).
  await panel.locator('li[data-run]').nth(1).locator('[data-action="restore"]').click();
  const discard = page.getByRole('button', { name: /discard|don.t save|replace/i });
  if (await discard.count()) await discard.first().click();
  await expect
    .poll(async () => (await doc(page)).nodes.find((n) => n.id === 'train')?.params?.steps)
    .toBe(40);
});
