/** Wiring by hand: refused wires say why, inputs take one wire, a loose wire opens the search, wire ends follow sockets. */
import { expect, test } from '@playwright/test';
import {
  canvasPoint,
  card,
  clickCanvas,
  doc,
  dragWire,
  graphOf,
  load,
  openEditor,
  settled,
  socket,
} from './editor-helpers';

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

test('a wire between mismatched socket types is refused with the reason', async ({ page }) => {
  await load(
    page,
    graphOf([
      { id: 'data', type: 'data.toy2d', position: [0, 0] },
      { id: 'fit', type: 'train.fit', position: [420, 0] },
    ]),
  );
  await dragWire(page, socket(page, 'data', 'output', 'dataset'), socket(page, 'fit', 'input', 'model'));
  await expect(page.getByTestId('toast')).toContainText('takes a Model, not a Dataset');
  expect((await doc(page)).edges).toEqual([]);
  await expect(page.getByTestId('connection')).toHaveCount(0);
  await expect(page.getByTestId('pseudo-connection')).toHaveCount(0);
});

test('a wire that would close a loop is refused', async ({ page }) => {
  await load(
    page,
    graphOf(
      [
        { id: 'fitA', type: 'train.fit', position: [0, 0] },
        { id: 'fitB', type: 'train.fit', position: [420, 0] },
      ],
      [['fitA.model', 'fitB.model']],
    ),
  );
  await dragWire(page, socket(page, 'fitB', 'output', 'model'), socket(page, 'fitA', 'input', 'model'));
  await expect(page.getByTestId('toast')).toContainText('loop');
  expect((await doc(page)).edges).toEqual([{ from: 'fitA.model', to: 'fitB.model' }]);
});

test('an input takes one wire: a new wire replaces the old one, undoably', async ({ page }) => {
  await load(
    page,
    graphOf(
      [
        { id: 'roll', type: 'data.toy2d', position: [0, 0] },
        { id: 'moons', type: 'data.toy2d', params: { shape: 'moons' }, position: [0, 320] },
        { id: 'fit', type: 'train.fit', position: [420, 100] },
      ],
      [['roll.dataset', 'fit.dataset']],
    ),
  );
  await dragWire(page, socket(page, 'moons', 'output', 'dataset'), socket(page, 'fit', 'input', 'dataset'));
  expect((await doc(page)).edges).toEqual([{ from: 'moons.dataset', to: 'fit.dataset' }]);
  await expect(page.getByTestId('connection')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  expect((await doc(page)).edges).toEqual([{ from: 'roll.dataset', to: 'fit.dataset' }]);
  await expect(page.getByTestId('connection')).toHaveCount(1);
});

test('dragging a wire off an input and letting go deletes it (one undo step)', async ({ page }) => {
  await load(
    page,
    graphOf(
      [
        { id: 'roll', type: 'data.toy2d', position: [0, 0] },
        { id: 'fit', type: 'train.fit', position: [420, 0] },
      ],
      [['roll.dataset', 'fit.dataset']],
    ),
  );
  await dragWire(page, socket(page, 'fit', 'input', 'dataset'), await canvasPoint(page, 0.5, 0.85));
  expect((await doc(page)).edges).toEqual([]);
  await expect(page.getByTestId('node-search')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  expect((await doc(page)).edges).toHaveLength(1);
});

test('dropping a wire on empty canvas opens the search for fitting nodes; the pick arrives wired', async ({
  page,
}) => {
  await load(page, graphOf([{ id: 'roll', type: 'data.toy2d', position: [0, 0] }]));
  await dragWire(page, socket(page, 'roll', 'output', 'dataset'), await canvasPoint(page, 0.6, 0.5));
  const search = page.getByTestId('node-search');
  await expect(search).toBeVisible();
  await expect(search).toContainText('take a Dataset');
  const offered = await search
    .getByTestId('search-result')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
  expect(offered).toContain('train.fit');
  expect(offered).not.toContain('optim.adam');
  expect(offered).not.toContain('noise.geometric');
  await page.keyboard.type('train');
  await page.keyboard.press('Enter');
  await expect(search).toBeHidden();
  const after = await doc(page);
  const fit = after.nodes.find((n) => n.type === 'train.fit')!;
  expect(after.edges).toEqual([{ from: 'roll.dataset', to: `${fit.id}.dataset` }]);
  await expect(page.getByTestId('connection')).toHaveCount(1);
  // The node and its wire are one undo step.
  await clickCanvas(page);
  await page.keyboard.press('Control+z');
  expect((await doc(page)).nodes).toHaveLength(1);
});

/** Area coordinates of a socket's centre on screen. */
async function socketCentre(
  page: import('@playwright/test').Page,
  target: import('@playwright/test').Locator,
) {
  const box = (await target.boundingBox())!;
  const canvas = (await page.locator('.canvas').boundingBox())!;
  const t = (await page.evaluate(() => window.__scoregraph!.transform()))!;
  return {
    x: (box.x + box.width / 2 - canvas.x - t.x) / t.k,
    y: (box.y + box.height / 2 - canvas.y - t.y) / t.k,
  };
}

async function wireEnds(page: import('@playwright/test').Page) {
  const wire = page.getByTestId('connection').first();
  const [start, end] = await Promise.all([wire.getAttribute('data-start'), wire.getAttribute('data-end')]);
  const point = (s: string | null) => {
    const [x, y] = s!.split(',').map(Number);
    return { x, y };
  };
  return { start: point(start), end: point(end) };
}

test('wire ends stay on their sockets when a node grows above them', async ({ page }) => {
  await load(
    page,
    graphOf(
      [
        { id: 'roll', type: 'data.toy2d', position: [0, 0] },
        { id: 'fit', type: 'train.fit', position: [420, 60] },
      ],
      [['roll.dataset', 'fit.dataset']],
    ),
  );
  const out = socket(page, 'roll', 'output', 'dataset');
  const near = async () => {
    const ends = await wireEnds(page);
    const s = await socketCentre(page, out);
    return Math.hypot(ends.start.x - s.x, ends.start.y - s.y);
  };
  await expect.poll(near).toBeLessThan(1.5);
  const before = (await out.boundingBox())!.y;
  // An out-of-range count puts a message at the top of the card: its socket moves down.
  const count = card(page, 'roll').getByTestId('control-count').locator('input');
  await count.fill('1');
  await count.press('Enter');
  await expect(card(page, 'roll').getByTestId('node-error')).toBeVisible();
  await settled(page);
  expect((await out.boundingBox())!.y).toBeGreaterThan(before + 10);
  await expect.poll(near).toBeLessThan(1.5);
});
