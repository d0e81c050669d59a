/**
 * Nothing a new user needs to read is cut off (issue 12 item 7): every shipped preset opens at a
 * readable zoom with no truncated title, label, hint or caption; the node search stays inside
 * the window, and so does the toolbar, at any width.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { canvasPoint, load, openEditor, settled, toyTraining } from './editor-helpers';

const presets = readdirSync('graphs').filter((f) => f.endsWith('.json'));

/** Text elements (through every shadow root) whose content is wider than their box: cut off. */
async function truncated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = '[data-testid="title"], label[for], .hint, .auto-note, .caption, .reason, .description';
    const cut: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>(selector))
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
          cut.push(`${el.className || el.tagName}: ${el.textContent?.trim().slice(0, 60)}`);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return cut;
  });
}

test('every shipped preset opens readable: zoom ≥ 0.8, nothing truncated', async ({ page }) => {
  await openEditor(page);
  for (const file of presets) {
    await load(page, JSON.parse(readFileSync(`graphs/${file}`, 'utf8')));
    await settled(page);
    const k = await page.evaluate(() => window.__scoregraph!.transform()!.k);
    expect(k, file).toBeGreaterThanOrEqual(0.8 - 1e-6);
    expect(await truncated(page), file).toEqual([]);
  }
});

test('the node search stays inside the window, even opened at its bottom edge', async ({ page }) => {
  await openEditor(page);
  const at = await canvasPoint(page, 0.5, 0.98);
  await page.mouse.dblclick(at.x, at.y);
  const search = page.getByTestId('node-search');
  await expect(search).toBeVisible();
  const height = page.viewportSize()!.height;
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowDown');
    const box = (await search.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
  }
});

test('the toolbar fits the window at every width, with a Run reason showing', async ({ page }) => {
  await openEditor(page);
  // A graph with a problem, so the toolbar shows why Run is disabled (the widest toolbar).
  const graph = toyTraining();
  await load(page, {
    ...graph,
    nodes: graph.nodes.filter((n) => n.id !== 'adam'),
    edges: graph.edges.filter((e) => !e.from.startsWith('adam.')),
  });
  await expect(page.getByTestId('run-reason')).toBeVisible();
  for (const width of [780, 830, 900, 960, 1000, 1100, 1400]) {
    await page.setViewportSize({ width, height: 800 });
    const right = await page
      .locator('sg-toolbar')
      .evaluate((t) =>
        Math.max(
          ...[...t.shadowRoot!.querySelectorAll('button')].map((b) => b.getBoundingClientRect().right),
        ),
      );
    expect(right, `at ${width} px`).toBeLessThanOrEqual(width);
  }
});
