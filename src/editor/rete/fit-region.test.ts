import { describe, expect, it } from 'vitest';
import { fitInto, readableView, type Box, type View } from './fit-region';

const canvas = { width: 1000, height: 800 };
/** Where the editor puts the minimap: the top-right corner, 12 px in, 162 px square. */
const minimap: Box = { left: 826, top: 12, right: 988, bottom: 174 };
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
    // An L-shaped graph: nothing at its top-right, so the full fit is already clear.
    const cards = [card(0, 0), card(0, 900), card(1800, 900)];
    const v = fitInto(cards, canvas, minimap);
    expect(v).toEqual(fitInto(cards, canvas, null));
  });

  it('moves the cards beside or below the minimap when the full fit would put one under it', () => {
    // The first card of each is the graph's top-right one, under the minimap in the full fit.
    const grids = [
      [card(1800, 0), card(0, 1300)], // 2000 × 1400: goes below the minimap
      [card(1600, 0), card(0, 1200)],
      [card(900, 0), card(0, 700)],
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
    const cards = [card(900, 0), card(0, 400)]; // 1100 × 500
    const v = fitInto(cards, low, minimap);
    expect(v.k).toBeCloseTo((0.9 * (826 - 8)) / 1100);
    expect(onScreen(cards[0], v).right).toBeLessThan(minimap.left);
  });
});

describe('readableView', () => {
  it('keeps the top-left corner where the minimap covers no card, else moves below it', () => {
    // A graph 1000 wide at zoom 1 with a tall card at its right: at the corner, under the minimap.
    const wide = [card(0, 0, 200, 100), card(800, 0, 200, 400)];
    expect(readableView(wide, canvas, minimap, 1)).toEqual({ k: 1, x: 24, y: 174 + 24 });
    // As wide, but its top-right is empty: the corner stays as it is.
    const clear = [card(0, 0, 200, 100), card(800, 400, 200, 100)];
    expect(readableView(clear, canvas, minimap, 1)).toEqual({ k: 1, x: 24, y: 24 });
    expect(readableView(wide, canvas, null, 0.8)).toEqual({ k: 0.8, x: 24, y: 24 });
    for (const cards of [wide, clear]) {
      const v = readableView(cards, canvas, minimap, 1);
      for (const c of cards) expect(under(onScreen(c, v), minimap)).toBe(false);
    }
  });

  it('beside a minimap on the left when moving below would push cards out of the canvas', () => {
    const left: Box = { left: 12, top: 12, right: 174, bottom: 174 };
    // Taller than the canvas and narrow: moving down would push cards out; beside keeps them.
    const tall = [card(0, 0, 200, 100), card(0, 700, 200, 100), card(300, 0, 200, 780)];
    const v = readableView(tall, canvas, left, 1);
    expect(v).toEqual({ k: 1, x: 174 + 24, y: 24 });
    for (const c of tall) expect(under(onScreen(c, v), left)).toBe(false);
  });
});
