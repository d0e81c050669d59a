/**
 * The minimap covers no card (issue 12 item 7): every shipped preset opens, and Fit fits, with
 * the minimap's corner free; the minimap can be hidden (its × or the toolbar's toggle) and stays
 * hidden over a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { load, openEditor, settled } from './editor-helpers';

const presets = readdirSync('graphs').filter((f) => f.endsWith('.json'));

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The cards (by id) whose box meets the minimap's. */
async function cardsUnderMinimap(page: Page): Promise<string[]> {
  const map = (await page.getByTestId('minimap').boundingBox())!;
  const m: Box = { left: map.x, top: map.y, right: map.x + map.width, bottom: map.y + map.height };
  const cards = await page.locator('[data-testid="node"]').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        id: el.getAttribute('data-node-id')!,
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
      };
    }),
  );
  return cards
    .filter((c) => c.left < m.right && m.left < c.right && c.top < m.bottom && m.top < c.bottom)
    .map((c) => c.id);
}

test('no shipped preset opens with a card under the minimap, nor after Fit', async ({ page }) => {
  await openEditor(page);
  await expect(page.getByTestId('minimap')).toBeVisible();
  for (const file of presets) {
    await load(page, JSON.parse(readFileSync(`graphs/${file}`, 'utf8')));
    await settled(page);
    expect(await cardsUnderMinimap(page), `${file} as opened`).toEqual([]);
    await page.locator('[data-command="view.fit"]').click();
    await settled(page);
    expect(await cardsUnderMinimap(page), `${file} after Fit`).toEqual([]);
  }
});

test('the minimap hides with its × and the toolbar toggle, and stays hidden over a reload', async ({
  page,
}) => {
  await openEditor(page);
  const map = page.getByTestId('minimap');
  const toggle = page.locator('[data-command="view.minimap"]');
  await expect(map).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  await map.getByTestId('minimap-hide').click();
  await expect(map).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await page.waitForFunction(() => window.__scoregraph?.ready === true);
  await expect(map).toBeHidden();

  await toggle.click();
  await expect(map).toBeVisible();
  await page.reload();
  await page.waitForFunction(() => window.__scoregraph?.ready === true);
  await expect(map).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
});

test('on a narrow canvas the minimap is hidden and its toggle says so: unpressed, disabled, with the reason', async ({
  page,
}) => {
  await page.setViewportSize({ width: 700, height: 700 });
  await openEditor(page);
  const map = page.getByTestId('minimap');
  const toggle = page.locator('[data-command="view.minimap"]');
  await expect(map).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(toggle).toBeDisabled();
  await expect(toggle).toHaveAttribute('title', /800 px wide or less: the minimap stays hidden/);
  // The preference is untouched: with room again, the minimap and a pressed toggle come back.
  await page.setViewportSize({ width: 1400, height: 800 });
  await expect(map).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(toggle).toBeEnabled();
});
