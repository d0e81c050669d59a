/**
 * A wire that crosses a card stays visible where it passes (issue 12 item 7), and the card under
 * it still takes the clicks: its fields and sockets are not covered by the wire. An opened node
 * preview is read, so it stays over the wires' copies.
 */
import { expect, test, type Page } from '@playwright/test';
import { card, doc, dragNode, graphOf, load, openEditor, settled, toyTraining } from './editor-helpers';

// The schedule's wire to the viewer crosses the Adam card between them; the card has no orange.
const crossing = graphOf(
  [
    { id: 'sched', type: 'noise.geometric', position: [0, 0] },
    { id: 'adam', type: 'optim.adam', position: [340, -10] },
    { id: 'view', type: 'view.points', position: [700, 0] },
  ],
  [['sched.schedule', 'view.schedule']],
);

/** Points of the wire's path (client coordinates) well inside the Adam card. */
async function wirePointsOverCard(page: Page): Promise<{ x: number; y: number }[]> {
  const box = (await card(page, 'adam').boundingBox())!;
  const inset = 14;
  return page.locator('[data-testid="connection"] path.line').evaluate(
    (path: SVGPathElement, b) => {
      const m = path.getScreenCTM()!;
      const length = path.getTotalLength();
      const points: { x: number; y: number }[] = [];
      for (let i = 0; i <= 200; i++) {
        const q = path.getPointAtLength((length * i) / 200);
        const p = new DOMPoint(q.x, q.y).matrixTransform(m);
        if (
          p.x > b.x + b.inset &&
          p.x < b.x + b.width - b.inset &&
          p.y > b.y + b.inset &&
          p.y < b.y + b.height - b.inset
        )
          points.push({ x: Math.round(p.x), y: Math.round(p.y) });
      }
      return points;
    },
    { ...box, inset },
  );
}

/** The screen's colour at these points, each the most saturated pixel of its 3 × 3 neighbourhood. */
async function screenColours(page: Page, points: { x: number; y: number }[]): Promise<number[][]> {
  const shot = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ shot, points }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${shot}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      return points.map(({ x, y }) => {
        const data = ctx.getImageData(x - 1, y - 1, 3, 3).data;
        let best = [0, 0, 0];
        for (let i = 0; i < data.length; i += 4) {
          const c = [data[i], data[i + 1], data[i + 2]];
          if (Math.max(...c) - Math.min(...c) > Math.max(...best) - Math.min(...best)) best = c;
        }
        return best;
      });
    },
    { shot, points },
  );
}

test('a wire crossing a card is drawn over it, in its own colour', async ({ page }) => {
  await openEditor(page);
  await page.evaluate(() => localStorage.setItem('scoregraph.theme', 'light'));
  await load(page, crossing);
  const points = await wirePointsOverCard(page);
  expect(points.length).toBeGreaterThan(10);
  const colours = await screenColours(page, points);
  // A Schedule wire is orange (#f59e0b); the card shows greys and blue. Where the wire shows,
  // the pixel is clearly orange. Dashed: at least a third of the points.
  const orange = colours.filter(([r, g, b]) => r - b > 60 && r >= g);
  expect(orange.length / points.length).toBeGreaterThan(1 / 3);
});

test('the card under a crossing wire still takes the clicks and drags', async ({ page }) => {
  await openEditor(page);
  await load(page, crossing);
  const points = await wirePointsOverCard(page);
  // Whatever is hit on the wire's path over the card belongs to the card, not the wire.
  const hits = await page.evaluate(
    (pts) =>
      pts.map(({ x, y }) => {
        let el: Element | null = document.elementFromPoint(x, y);
        while (el?.shadowRoot) {
          const inner = el.shadowRoot.elementFromPoint(x, y);
          if (!inner || inner === el) break;
          el = inner;
        }
        // The card around it, across shadow roots.
        for (let at: Node | null = el; at; at = at.parentNode ?? (at as ShadowRoot).host ?? null)
          if (at instanceof Element && at.getAttribute('data-testid') === 'node')
            return at.getAttribute('data-node-id');
        return el?.tagName ?? null;
      }),
    points,
  );
  expect(new Set(hits)).toEqual(new Set(['adam']));
  const before = (await doc(page)).nodes.find((n) => n.id === 'adam')!.position!;
  await dragNode(page, 'adam', 0, 120);
  const after = (await doc(page)).nodes.find((n) => n.id === 'adam')!.position!;
  expect(after[1]).toBeGreaterThan(before[1] + 50);
});

test('an opened node preview stays over the wires’ dashed copies, also after its card is picked', async ({
  page,
}) => {
  // The schedule's wire to train.fit runs across the data card, where its preview opens.
  const graph = toyTraining({ train: { steps: 20 } });
  const moved = {
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.id === 'sched' ? { ...n, position: [-420, 230] as [number, number] } : n,
    ),
  };
  await openEditor(page, 'backend=wasm');
  await load(page, moved);
  await expect(page.locator('[data-command="run.start"]')).toBeEnabled();
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => page.evaluate(() => window.__scoregraph!.runStatus())).toBe('done');
  await card(page, 'data').getByRole('button', { name: 'Preview' }).click();
  const preview = card(page, 'data').locator('sg-viewer.viewer');
  await expect(preview).toBeVisible();
  await settled(page);

  /** What is on top at points of the wires inside and outside the preview: a wire copy or not. */
  const topmost = () =>
    preview.evaluate((viewer) => {
      const box = viewer.getBoundingClientRect();
      const root = document.querySelector('sg-app')!.shadowRoot!;
      // Wire copies take no pointer events; let their (widened) lines be hit to see what is on top.
      const probe = document.createElement('style');
      probe.textContent = '.wire-copy .line { pointer-events: stroke; stroke-width: 8px; }';
      root.append(probe);
      const seen = { inside: [] as boolean[], outside: [] as boolean[] };
      for (const path of root.querySelectorAll<SVGPathElement>('[data-testid="connection"] path.line')) {
        const m = path.getScreenCTM()!;
        const length = path.getTotalLength();
        for (let i = 0; i <= 100; i++) {
          const q = path.getPointAtLength((length * i) / 100);
          const p = new DOMPoint(q.x, q.y).matrixTransform(m);
          const inside =
            p.x > box.left + 4 && p.x < box.right - 4 && p.y > box.top + 4 && p.y < box.bottom - 4;
          const hit = root.elementFromPoint(p.x, p.y);
          const onCopy = !!hit?.closest('.wire-copy');
          (inside ? seen.inside : seen.outside).push(onCopy);
        }
      }
      probe.remove();
      return {
        inside: seen.inside.length,
        copiesInside: seen.inside.filter(Boolean).length,
        copiesOutside: seen.outside.filter(Boolean).length,
      };
    });
  const opened = await topmost();
  expect(opened.inside).toBeGreaterThan(5); // the wire does cross the preview
  expect(opened.copiesOutside).toBeGreaterThan(0); // the probe sees copies where nothing covers them
  expect(opened.copiesInside).toBe(0);
  // Picking the card (rete re-orders cards by z-index then) keeps the preview on top.
  await card(page, 'data').locator('.title').first().click();
  const picked = await topmost();
  expect(picked.inside).toBeGreaterThan(5); // the preview is still open where the wire crosses
  expect(picked.copiesInside).toBe(0);
});
