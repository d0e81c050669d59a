/** The whole path by hand: build the swiss-roll pipeline on an empty canvas with mouse and keyboard, run it, see the scatter. */
import { expect, test, type Page } from '@playwright/test';
import {
  canvasPoint,
  card,
  clickCanvas,
  doc,
  dragWire,
  load,
  openEditor,
  settled,
  socket,
} from './editor-helpers';

/** Double-click the canvas at (fx, fy), search, and click the result of the wanted type. */
async function place(page: Page, fx: number, fy: number, query: string, type: string): Promise<string> {
  const before = new Set((await doc(page)).nodes.map((n) => n.id));
  const at = await canvasPoint(page, fx, fy);
  await page.mouse.dblclick(at.x, at.y);
  const search = page.getByTestId('node-search');
  await expect(search).toBeVisible();
  await page.keyboard.type(query);
  await search.locator(`[data-testid="search-result"][data-type="${type}"]`).click();
  await expect(search).toBeHidden();
  const added = (await doc(page)).nodes.find((n) => !before.has(n.id))!;
  expect(added.type).toBe(type);
  return added.id;
}

async function setParam(page: Page, id: string, key: string, value: string) {
  const input = card(page, id).getByTestId(`control-${key}`).locator('input[type="text"]').first();
  await input.fill(value);
  await input.press('Enter');
}

test('build the swiss-roll pipeline from an empty canvas, run it, and see the samples', async ({ page }) => {
  test.setTimeout(240_000);
  await openEditor(page, 'backend=wasm');
  await load(page, { format: 'scoregraph', version: 1, name: 'by hand', nodes: [], edges: [] });
  await page.keyboard.press('Control+\\'); // hide the docs panel: more room
  await page.keyboard.press('-'); // zoom out a little
  await page.keyboard.press('-');
  await settled(page);

  const data = await place(page, 0.01, 0.02, 'toy', 'data.toy2d');
  const sched = await place(page, 0.01, 0.45, 'geometric', 'noise.geometric');
  const net = await place(page, 0.19, 0.02, 'mlp', 'model.mlp');
  const loss = await place(page, 0.19, 0.38, 'denoising', 'loss.dsm');
  const adam = await place(page, 0.19, 0.55, 'adam', 'optim.adam');
  const fit = await place(page, 0.38, 0.02, 'train', 'train.fit');
  const sampler = await place(page, 0.57, 0.02, 'annealed langevin', 'sample.langevin');
  const view = await place(page, 0.77, 0.02, 'point', 'view.points');

  const wire = (a: string, out: string, b: string, inp: string) =>
    dragWire(page, socket(page, a, 'output', out), socket(page, b, 'input', inp));
  await wire(data, 'dataset', fit, 'dataset');
  await wire(sched, 'schedule', fit, 'schedule');
  await wire(net, 'model', fit, 'model');
  await wire(loss, 'loss', fit, 'loss');
  await wire(adam, 'optimizer', fit, 'optimizer');
  await wire(fit, 'model', sampler, 'model');
  await wire(sched, 'schedule', sampler, 'schedule');
  await wire(sampler, 'samples', view, 'samples');
  await wire(data, 'dataset', view, 'dataset');
  expect((await doc(page)).edges).toHaveLength(9);

  // Small sizes, so the run takes seconds.
  await setParam(page, data, 'count', '400');
  await setParam(page, sched, 'levels', '5');
  await setParam(page, fit, 'steps', '60');
  await setParam(page, fit, 'batchSize', '64');
  await setParam(page, fit, 'logEvery', '20');
  await setParam(page, sampler, 'count', '200');
  await setParam(page, sampler, 'steps', '3');
  await clickCanvas(page);

  const run = page.locator('[data-command="run.start"]');
  await expect(run).toBeEnabled();
  await page.keyboard.press('Control+Enter');
  await expect(card(page, fit).getByTestId('node-status')).toHaveAttribute('data-status', /running|done/);
  await expect(card(page, view).getByTestId('node-status')).toHaveAttribute('data-status', 'done', {
    timeout: 180_000,
  });
  const scatter = card(page, view).getByTestId('viewer');
  await expect(scatter).toHaveAttribute('data-kind', 'points');
  await expect(scatter.locator('canvas')).toHaveAttribute('data-points', '200');
  await expect(page.getByTestId('backend')).toHaveText('wasm');
});
