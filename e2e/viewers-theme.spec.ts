/** Viewers in both themes (issue 12 item 1): the data is drawn in its own legible colour and every plot redraws on a theme change. */
import { expect, test, type Locator } from '@playwright/test';
import { hexToRgb, plotPalette, type ThemeName } from '../src/render/palette';
import { card, graphOf, load, openEditor } from './editor-helpers';

const scatterGraph = graphOf(
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
);

/** How many canvas pixels are within a small distance of `hex` (device pixels). */
async function pixelsNear(canvas: Locator, hex: string): Promise<number> {
  const want = hexToRgb(hex);
  return canvas.evaluate((c: HTMLCanvasElement, w: readonly number[]) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.abs(data[i] - w[0]) + Math.abs(data[i + 1] - w[1]) + Math.abs(data[i + 2] - w[2]) < 24) n++;
    return n;
  }, want);
}

async function expectDrawnIn(canvas: Locator, theme: ThemeName): Promise<void> {
  const p = plotPalette(theme);
  await expect.poll(() => pixelsNear(canvas, p.data), { message: `data in ${theme}` }).toBeGreaterThan(100);
  expect(await pixelsNear(canvas, p.samples)).toBeGreaterThan(20);
  expect(await pixelsNear(canvas, p.background)).toBeGreaterThan(1000);
}

test('the point viewer draws data and samples in the theme palette and redraws when the theme changes', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('scoregraph.theme', 'light'));
  await openEditor(page, 'backend=wasm');
  await load(page, scatterGraph);
  await expect(page.locator('[data-command="run.start"]')).toBeEnabled();
  await page.keyboard.press('Control+Enter');
  await expect(card(page, 'view').getByTestId('node-status')).toHaveAttribute('data-status', 'done');
  const canvas = card(page, 'view').getByTestId('viewer').locator('canvas');
  await expectDrawnIn(canvas, 'light');

  await page.locator('[data-command="view.theme"]').click();
  await expectDrawnIn(canvas, 'dark');
  expect(await pixelsNear(canvas, plotPalette('light').background)).toBe(0);

  await page.locator('[data-command="view.theme"]').click();
  await expectDrawnIn(canvas, 'light');
});
