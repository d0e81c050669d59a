/** Run and Stop as a new user meets them (issue 12 items 3, 4): legible Stop, Ctrl+Enter from a field. */
import { expect, test, type Page } from '@playwright/test';
import { contrast } from './color-contrast';
import { card, load, openEditor, toyTraining } from './editor-helpers';

/** A toy training run long enough to still be running while the test looks at it. */
const longTraining = toyTraining({ train: { steps: 100000 } });

const runButton = (page: Page) => page.locator('[data-command="run.start"]');
const stopButton = (page: Page) => page.locator('[data-command="run.stop"]');

for (const theme of ['light', 'dark'] as const) {
  test(`Stop is legible on hover (${theme}) and not under the pointer that pressed Run`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('scoregraph.theme', t), theme);
    await openEditor(page, 'backend=wasm');
    await load(page, longTraining);
    await expect(runButton(page)).toBeEnabled();
    const centre = async (command: string) => {
      const box = (await page.locator(`sg-toolbar [data-command="${command}"]`).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const [at, estimateAt] = [await centre('run.start'), await centre('run.estimate')];
    await page.mouse.click(at.x, at.y);
    await expect(stopButton(page)).toBeVisible();
    // A second click where Run (or Estimate) was must not stop the run it just started.
    for (const point of [at, estimateAt]) {
      const under = await page.evaluate(({ x, y }) => {
        const toolbar = document.querySelector('sg-app')!.shadowRoot!.querySelector('sg-toolbar')!;
        return toolbar.shadowRoot!.elementFromPoint(x, y)?.closest('button')?.dataset.command ?? null;
      }, point);
      expect(under).not.toBe('run.stop');
    }

    await stopButton(page).hover();
    const colours = await stopButton(page).evaluate((b) => {
      const s = getComputedStyle(b);
      return { fg: s.color, bg: s.backgroundColor };
    });
    expect(contrast(colours.fg, colours.bg)).toBeGreaterThanOrEqual(4.5);
    await stopButton(page).click();
    await expect.poll(() => page.evaluate(() => window.__scoregraph!.runStatus())).toBe('cancelled');
  });
}

test('Ctrl+Enter runs the graph while focus is in a param field, with the value just typed', async ({
  page,
}) => {
  await openEditor(page, 'backend=wasm');
  await load(page, longTraining);
  await expect(runButton(page)).toBeEnabled();
  const steps = card(page, 'train').getByTestId('control-steps').locator('input').first();
  await steps.fill('90000');
  await steps.press('Enter');
  await expect(steps).toBeFocused();
  await steps.fill('80000');
  await steps.press('Control+Enter');
  await expect(card(page, 'train').getByTestId('node-status')).toHaveAttribute('data-status', 'running');
  await expect(steps).toHaveValue('80000');
  const docSteps = await page.evaluate(
    () =>
      JSON.parse(window.__scoregraph!.documentJson()).nodes.find((n: { id: string }) => n.id === 'train')
        .params.steps,
  );
  expect(docSteps).toBe(80000);
  await stopButton(page).click();
  await expect.poll(() => page.evaluate(() => window.__scoregraph!.runStatus())).toBe('cancelled');
});
