/**
 * Real users train on WebGPU and WebGL: a tiny train → sample pipeline runs in the editor on
 * each (SwiftShader here, so sizes are tiny), its scatter appears and its loss is real.
 */
import { expect, test } from '@playwright/test';
import { card, graphOf, load, openEditor } from './editor-helpers';

for (const backend of ['webgpu', 'webgl'] as const) {
  test(`a tiny swiss roll trains and samples on ${backend}`, async ({ page }) => {
    await openEditor(page, `backend=${backend}`);
    await expect(page.getByTestId('backend')).toContainText(backend);
    await load(
      page,
      graphOf(
        [
          { id: 'data', type: 'data.toy2d', params: { count: 64 }, position: [0, 0] },
          { id: 'sched', type: 'noise.geometric', params: { levels: 3 }, position: [0, 260] },
          { id: 'net', type: 'model.mlp', params: { width: 16, depth: 4 }, position: [0, 440] },
          { id: 'loss', type: 'loss.dsm', position: [0, 700] },
          { id: 'adam', type: 'optim.adam', position: [0, 820] },
          {
            id: 'train',
            type: 'train.fit',
            params: { steps: 4, batchSize: 16, logEvery: 2 },
            position: [340, 200],
          },
          { id: 'sampler', type: 'sample.langevin', params: { count: 32, steps: 2 }, position: [680, 200] },
          { id: 'view', type: 'view.points', position: [1020, 200] },
          { id: 'lossView', type: 'view.loss', position: [1020, 700] },
        ],
        [
          ['data.dataset', 'train.dataset'],
          ['sched.schedule', 'train.schedule'],
          ['net.model', 'train.model'],
          ['loss.loss', 'train.loss'],
          ['adam.optimizer', 'train.optimizer'],
          ['train.model', 'sampler.model'],
          ['sched.schedule', 'sampler.schedule'],
          ['sampler.samples', 'view.samples'],
          ['train.losses', 'lossView.losses'],
        ],
      ),
    );
    await expect(page.locator('[data-command="run.start"]')).toBeEnabled({ timeout: 60_000 });
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => page.evaluate(() => window.__scoregraph!.runStatus()), { timeout: 150_000 })
      .toBe('done');
    const scatter = card(page, 'view').getByTestId('viewer');
    await expect(scatter).toHaveAttribute('data-kind', 'points');
    await expect(scatter.locator('canvas')).toHaveAttribute('data-points', '32');
    // The loss really came back from the GPU: a broken kernel once made WebGPU read 0 here.
    const lastLoss = Number(
      await card(page, 'lossView').getByTestId('viewer').getAttribute('data-last-loss'),
    );
    expect(Number.isFinite(lastLoss) && lastLoss > 0.05 && lastLoss < 10, `last loss ${lastLoss}`).toBe(true);
  });
}
