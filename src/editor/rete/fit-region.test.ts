import { describe, expect, it } from 'vitest';
import { fitInto, readableView, type Box, type View } from './fit-region';

const canvas = { width: 1000, height: 800 };
const minimap: Box = { left: 12, top: 12, right: 174, bottom: 174 };
const card = (left: number, top: number, width = 200, height = 100): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});
const onScreen = (b: Box, v: View): Box => ({
  left: v.x + b.left * v.k,
  top: v.y + b.top * v.k,
  right: v.x + b.right * v.k,
  bottom: v.y + b.bottom * v.k,
});
const under = (b: Box, m: Box) =>
  b.left < m.right && m.left < b.right && b.top < m.bottom && m.top < b.bottom;

describe('fitInto', () => {
  it('without a minimap centres the cards at 90 % of the canvas, never above 100 %', () => {
    const wide = [card(0, 0), card(1800, 300)]; // 2000 × 400
    const v = fitInto(wide, canvas, null);
    expect(v.k).toBeCloseTo(0.45);
    expect(v.x).toBeCloseTo(500 - 1000 * 0.45);
    expect(v.y).toBeCloseTo(400 - 200 * 0.45);
    expect(fitInto([card(0, 0)], canvas, null).k).toBe(1);
  });

  it('keeps the whole canvas when the graph leaves the minimap corner empty', () => {
    // An L-shaped graph: nothing at its top-left, so the full fit is already clear.
    const cards = [card(1000, 0), card(0, 900), card(1800, 900)];
    const v = fitInto(cards, canvas, minimap);
    expect(v).toEqual(fitInto(cards, canvas, null));
  });

  it('moves the cards beside or below the minimap when the full fit would put one under it', () => {
    const grids = [
      [card(0, 0), card(1800, 1300)], // 2000 × 1400: goes below the minimap
      [card(0, 0), card(1600, 1200)],
      [card(0, 0), card(900, 700)],
    ];
    for (const cards of grids) {
      const v = fitInto(cards, canvas, minimap);
      expect(under(onScreen(cards[0], fitInto(cards, canvas, null)), minimap)).toBe(true);
      for (const c of cards) {
        const s = onScreen(c, v);
        expect(under(s, minimap)).toBe(false);
        expect(s.left).toBeGreaterThanOrEqual(0);
        expect(s.top).toBeGreaterThanOrEqual(0);
        expect(s.right).toBeLessThanOrEqual(canvas.width);
        expect(s.bottom).toBeLessThanOrEqual(canvas.height);
      }
    }
    // The first below the minimap: 0.9 of the height left under it (it fitted at 0.45 before).
    expect(fitInto(grids[0], canvas, minimap).k).toBeCloseTo((0.9 * (800 - 182)) / 1400);
  });

  it('picks the room beside the minimap when that gives the larger zoom', () => {
    const low = { width: 1000, height: 400 };
    const cards = [card(0, 0), card(900, 400)]; // 1100 × 500
    const v = fitInto(cards, low, minimap);
    expect(v.k).toBeCloseTo((0.9 * (1000 - 182)) / 1100);
    expect(onScreen(cards[0], v).left).toBeGreaterThan(minimap.right);
  });

  it('a readable view keeps the top-left corner, else moves below or beside the minimap, whichever shows more', () => {
    // A graph 1400 wide at zoom 1 in a 1000 × 800 canvas: wider than the canvas, not taller.
    const wide = [card(0, 0, 200, 100), card(0, 300, 200, 100), card(1200, 0, 200, 400)];
    const down = readableView(wide, canvas, minimap, 1);
    expect(down).toEqual({ k: 1, x: 24, y: 174 + 24 }); // below: nothing is lost at the bottom
    // Taller than the canvas and narrow: moving down would push cards out; beside keeps them.
    const tall = [card(0, 0, 200, 100), card(0, 700, 200, 100), card(300, 0, 200, 780)];
    expect(readableView(tall, canvas, minimap, 1)).toEqual({ k: 1, x: 174 + 24, y: 24 });
    // A corner the minimap does not reach stays as it is.
    const clear = [card(200, 0, 200, 100), card(0, 400, 200, 100)];
    expect(readableView(clear, canvas, minimap, 1)).toEqual({ k: 1, x: 24, y: 24 });
    expect(readableView(wide, canvas, null, 0.8)).toEqual({ k: 0.8, x: 24, y: 24 });
    for (const cards of [wide, tall, clear]) {
      const v = readableView(cards, canvas, minimap, 1);
      for (const c of cards) expect(under(onScreen(c, v), minimap)).toBe(false);
    }
  });

  it('works for a minimap in the top-right corner (where the editor puts it)', () => {
    const right: Box = { left: 826, top: 12, right: 988, bottom: 174 };
    const cards = [card(0, 0), card(900, 0), card(0, 700)]; // full fit: the top-right card is under it
    const v = fitInto(cards, canvas, right);
    for (const c of cards) expect(under(onScreen(c, v), right)).toBe(false);
    expect(onScreen(cards[0], v).top).toBeGreaterThan(right.bottom); // below it
    // A graph too large to fit readably opens below it; a corner it does not reach stays put.
    const wide = [card(0, 0, 200, 100), card(800, 0, 200, 400)];
    expect(readableView(wide, canvas, right, 1)).toEqual({ k: 1, x: 24, y: 174 + 24 });
    expect(readableView([card(0, 0), card(0, 300)], canvas, right, 1)).toEqual({ k: 1, x: 24, y: 24 });
  });
});
