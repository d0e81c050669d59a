/** Helpers for driving the editor like a user: sockets, wires, the node search, the graph JSON. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Where the editor page is (a dev fixture page can be swapped in while developing). */
export const EDITOR_PATH = process.env.SG_EDITOR_PATH ?? '/';

export interface TestNode {
  id: string;
  type: string;
  params?: Record<string, unknown>;
  position?: [number, number];
  collapsed?: boolean;
}

export function graphOf(nodes: TestNode[], edges: [string, string][] = [], name = 'test'): object {
  return {
    format: 'scoregraph',
    version: 1,
    name,
    nodes: nodes.map((n) => ({ params: {}, ...n })),
    edges: edges.map(([from, to]) => ({ from, to })),
  };
}

/** The toy training pipeline the run tests share. */
export { toyTrainingGraph as toyTraining } from '../test-support/toy-training';

export async function openEditor(page: Page, query = ''): Promise<void> {
  const path = EDITOR_PATH.includes('?') ? `${EDITOR_PATH}&${query}` : `${EDITOR_PATH}?${query}`;
  await page.goto(path);
  await page.waitForFunction(() => window.__scoregraph?.ready === true);
}

export async function load(page: Page, graph: object): Promise<void> {
  await page.evaluate((g) => window.__scoregraph!.load(g), graph);
  await settled(page);
}

export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => window.__scoregraph!.settled());
}

/** The document (no view transform) as the file format writes it, parsed. */
export async function doc(page: Page): Promise<{ nodes: TestNode[]; edges: { from: string; to: string }[] }> {
  await settled(page);
  return JSON.parse(await page.evaluate(() => window.__scoregraph!.documentJson()));
}

export async function docText(page: Page): Promise<string> {
  await settled(page);
  return page.evaluate(() => window.__scoregraph!.documentJson());
}

export const card = (page: Page, id: string): Locator =>
  page.locator(`[data-testid="node"][data-node-id="${id}"]`);

export const socket = (page: Page, id: string, side: 'input' | 'output', key: string): Locator =>
  card(page, id).getByTestId(`${side}-${key}`).getByTestId(`${side}-socket`);

async function centre(target: Locator): Promise<{ x: number; y: number }> {
  const box = (await target.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a wire from one socket to another socket, or to a point on the canvas. */
export async function dragWire(
  page: Page,
  from: Locator,
  to: Locator | { x: number; y: number },
): Promise<void> {
  const a = await centre(from);
  const b = 'x' in to ? to : await centre(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 6 });
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
  await settled(page);
}

/** Drags a node by its title bar. */
export async function dragNode(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const title = card(page, id).getByTestId('title');
  const a = await centre(title);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(a.x + dx, a.y + dy, { steps: 8 });
  await page.mouse.up();
  await settled(page);
}

/** An empty spot of the canvas (client coordinates) at a fraction of its size. */
export async function canvasPoint(page: Page, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.canvas').boundingBox())!;
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/** Double-clicks empty canvas, types into the node search and picks the first result. */
export async function addBySearch(page: Page, at: { x: number; y: number }, query: string): Promise<void> {
  await page.mouse.dblclick(at.x, at.y);
  const search = page.getByTestId('node-search');
  await expect(search).toBeVisible();
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await expect(search).toBeHidden();
  await settled(page);
}

/** Clicks empty canvas: leaves any input, clears the selection. */
export async function clickCanvas(page: Page, fx = 0.02, fy = 0.97): Promise<void> {
  const p = await canvasPoint(page, fx, fy);
  await page.mouse.click(p.x, p.y);
}
