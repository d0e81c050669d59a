/** Editing: copy/paste, duplicate, delete, context menu, marquee, params flagged, and undo/redo that round-trips. */
import { expect, test, type Page } from '@playwright/test';
import {
  addBySearch,
  canvasPoint,
  card,
  clickCanvas,
  doc,
  docText,
  dragNode,
  dragWire,
  graphOf,
  load,
  openEditor,
  socket,
} from './editor-helpers';

const small = graphOf(
  [
    { id: 'roll', type: 'data.toy2d', position: [0, 0] },
    { id: 'sched', type: 'noise.geometric', position: [0, 260] },
    { id: 'fit', type: 'train.fit', position: [400, 40] },
  ],
  [['roll.dataset', 'fit.dataset']],
);

test.beforeEach(async ({ page }) => {
  await openEditor(page);
  await load(page, small);
});

async function select(page: Page, ...ids: string[]) {
  for (const [i, id] of ids.entries())
    await card(page, id)
      .getByTestId('title')
      .click({ modifiers: i ? ['Control'] : [] });
  await expect
    .poll(() => page.evaluate(() => window.__scoregraph!.selected().sort()))
    .toEqual([...ids].sort());
}

test('copy and paste keep the wires between the copied nodes', async ({ page }) => {
  await select(page, 'roll', 'fit');
  await page.keyboard.press('Control+c');
  const spot = await canvasPoint(page, 0.55, 0.75);
  await page.mouse.move(spot.x, spot.y);
  await page.keyboard.press('Control+v');
  const after = await doc(page);
  expect(after.nodes.map((n) => n.id)).toEqual(['roll', 'sched', 'fit', 'roll2', 'fit2']);
  expect(after.edges).toContainEqual({ from: 'roll2.dataset', to: 'fit2.dataset' });
  expect(after.edges).toHaveLength(2);
  expect(await page.evaluate(() => window.__scoregraph!.selected().sort())).toEqual(['fit2', 'roll2']);
  await expect(page.getByTestId('connection')).toHaveCount(2);
});

test('nodes copied in one tab paste into another (through the system clipboard)', async ({
  page,
  context,
}) => {
  await select(page, 'roll', 'fit');
  await page.keyboard.press('Control+c');
  const other = await context.newPage();
  await openEditor(other);
  await load(other, graphOf([{ id: 'roll', type: 'data.toy2d', position: [0, 0] }]));
  // Empty canvas: a one-node graph opens at a readable zoom, so the middle of the canvas can be
  // the card (a click on its param field would take the paste as typing).
  await clickCanvas(other, 0.8, 0.4);
  await other.keyboard.press('Control+v');
  const after = await doc(other);
  expect(after.nodes.map((n) => n.type)).toEqual(['data.toy2d', 'data.toy2d', 'train.fit']);
  expect(after.edges).toEqual([{ from: 'roll2.dataset', to: 'fit.dataset' }]);
  // Cut removes what it copies.
  await select(other, 'fit');
  await other.keyboard.press('Control+x');
  expect((await doc(other)).nodes.map((n) => n.id)).toEqual(['roll', 'roll2']);
});

test('duplicate copies a node with its params, beside it', async ({ page }) => {
  const count = card(page, 'roll').getByTestId('control-count').locator('input');
  await count.fill('777');
  await count.press('Enter');
  await select(page, 'roll');
  await page.keyboard.press('Control+d');
  const after = await doc(page);
  const copy = after.nodes.find((n) => n.id === 'roll2')!;
  expect(copy).toMatchObject({ type: 'data.toy2d', params: { count: 777 }, position: [40, 40] });
  await expect(card(page, 'roll2')).toBeVisible();
});

test('delete removes the selected nodes with their wires, or a clicked wire', async ({ page }) => {
  await select(page, 'roll');
  await page.keyboard.press('Delete');
  let after = await doc(page);
  expect(after.nodes.map((n) => n.id)).toEqual(['sched', 'fit']);
  expect(after.edges).toEqual([]);
  await expect(page.getByTestId('connection')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('connection')).toHaveCount(1);
  // A wire: click it, then Delete.
  const wire = page.getByTestId('connection').locator('path.hit');
  const start = (await socket(page, 'roll', 'output', 'dataset').boundingBox())!;
  const end = (await socket(page, 'fit', 'input', 'dataset').boundingBox())!;
  await page.mouse.click((start.x + end.x) / 2 + 6, (start.y + end.y) / 2 + 6);
  await expect(wire).toHaveCount(1);
  await expect(page.locator('svg.wire.selected')).toHaveCount(1);
  await page.keyboard.press('Delete');
  after = await doc(page);
  expect(after.nodes).toHaveLength(3);
  expect(after.edges).toEqual([]);
});

test('the context menu acts on the node under the pointer', async ({ page }) => {
  await card(page, 'sched').getByTestId('title').click({ button: 'right' });
  const items = page.getByTestId('context-menu-item');
  await expect(items.first()).toBeVisible();
  await items.filter({ hasText: 'Delete' }).click();
  expect((await doc(page)).nodes.map((n) => n.id)).toEqual(['roll', 'fit']);
});

test('shift-drag on the background selects the nodes the rectangle touches', async ({ page }) => {
  const a = (await card(page, 'roll').boundingBox())!;
  const b = (await card(page, 'sched').boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 20, a.y - 20);
  await page.mouse.down();
  await page.mouse.move(b.x + 40, b.y + 40, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  expect(await page.evaluate(() => window.__scoregraph!.selected().sort())).toEqual(['roll', 'sched']);
});

test('a param out of range is flagged on its node and Run is disabled until it is fixed', async ({
  page,
}) => {
  const run = page.locator('[data-command="run.start"]');
  await load(page, graphOf([{ id: 'roll', type: 'data.toy2d', position: [0, 0] }]));
  await expect(run).toBeEnabled();
  const count = card(page, 'roll').getByTestId('control-count').locator('input');
  await count.fill('1');
  await count.press('Enter');
  await expect(card(page, 'roll').getByTestId('node-error')).toContainText('count');
  await expect(count).toHaveAttribute('aria-invalid', 'true');
  await expect(run).toBeDisabled();
  await expect(page.getByTestId('run-reason')).toContainText('count');
  await count.fill('300');
  await count.press('Enter');
  await expect(card(page, 'roll').getByTestId('node-error')).toHaveCount(0);
  await expect(run).toBeEnabled();
});

test('undo and redo round-trip 20 mixed edits to the identical graph JSON', async ({ page }) => {
  const states = [await docText(page)];
  const edit = async (what: string, act: () => Promise<void>) => {
    await act();
    const now = await docText(page);
    expect(now, `edit "${what}" changed the graph`).not.toBe(states.at(-1));
    states.push(now);
  };
  const setParam = (id: string, key: string, value: string) => async () => {
    const input = card(page, id).getByTestId(`control-${key}`).locator('input[type="text"]').first();
    await input.fill(value);
    await input.press('Enter');
    await clickCanvas(page);
  };
  const collapse = (id: string) => () => card(page, id).locator('button.collapse').click();

  await edit('param', setParam('roll', 'count', '500'));
  await edit('move', () => dragNode(page, 'roll', 30, 20));
  await edit('wire', () =>
    dragWire(page, socket(page, 'sched', 'output', 'schedule'), socket(page, 'fit', 'input', 'schedule')),
  );
  await edit('collapse', collapse('sched'));
  await edit('add by search', async () => addBySearch(page, await canvasPoint(page, 0.45, 0.8), 'mlp'));
  await edit('wire new node', () =>
    dragWire(page, socket(page, 'mlp', 'output', 'model'), socket(page, 'fit', 'input', 'model')),
  );
  await edit('choice', async () => {
    await card(page, 'roll').getByTestId('control-shape').locator('select').selectOption('moons');
    await clickCanvas(page);
  });
  await edit('duplicate', async () => {
    await select(page, 'roll');
    await page.keyboard.press('Control+d');
  });
  await edit('delete', () => page.keyboard.press('Delete'));
  await edit('integer', setParam('fit', 'steps', '10'));
  await edit('copy+paste', async () => {
    await select(page, 'sched');
    await page.keyboard.press('Control+c');
    const spot = await canvasPoint(page, 0.7, 0.8);
    await page.mouse.move(spot.x, spot.y);
    await page.keyboard.press('Control+v');
  });
  await edit('move pasted', () => dragNode(page, 'sched2', -60, -40));
  await edit('wire off an input', async () =>
    dragWire(page, socket(page, 'fit', 'input', 'dataset'), await canvasPoint(page, 0.3, 0.9)),
  );
  await edit('rewire', () =>
    dragWire(page, socket(page, 'roll', 'output', 'dataset'), socket(page, 'fit', 'input', 'dataset')),
  );
  await edit('collapse fit', collapse('fit'));
  await edit('expand sched', collapse('sched'));
  await edit('cut', async () => {
    await select(page, 'sched2');
    await page.keyboard.press('Control+x');
  });
  await edit('number', setParam('sched', 'sigmaMax', '2'));
  await edit('add second node', async () => addBySearch(page, await canvasPoint(page, 0.2, 0.85), 'adam'));
  await edit('wire optimizer', () =>
    dragWire(page, socket(page, 'adam', 'output', 'optimizer'), socket(page, 'fit', 'input', 'optimizer')),
  );
  expect(states).toHaveLength(21);

  await clickCanvas(page);
  for (let i = states.length - 2; i >= 0; i--) {
    await page.keyboard.press('Control+z');
    expect(await docText(page), `undo back to state ${i}`).toBe(states[i]);
  }
  await expect(page.getByTestId('connection')).toHaveCount(1);
  for (let i = 1; i < states.length; i++) {
    await page.keyboard.press(i % 2 ? 'Control+Shift+z' : 'Control+y');
    expect(await docText(page), `redo to state ${i}`).toBe(states[i]);
  }
  // The canvas shows what the document holds: every wire drawn, every node carded.
  const final = await doc(page);
  await expect(page.getByTestId('connection')).toHaveCount(final.edges.length);
  await expect(page.getByTestId('node')).toHaveCount(final.nodes.length);
});
