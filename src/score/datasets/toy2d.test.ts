import { describe, expect, it } from 'vitest';
import { TOY_SHAPES, toyPoints } from './toy2d';

const pairs = (p: Float32Array) => Array.from({ length: p.length / 2 }, (_, i) => [p[2 * i], p[2 * i + 1]]);
/** Position relative to the centre, in the shapes' own [-1, 1] frame. */
const local = ([x, y]: number[]) => [(x - 0.5) / 0.4, (y - 0.5) / 0.4];

describe('2-D toy data', () => {
  it.each(TOY_SHAPES)('%s stays in [0.1, 0.9]^2 without noise and is reproducible by seed', (shape) => {
    const a = toyPoints(shape, 2000, 0, 3);
    expect(a.length).toBe(4000);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0.1 - 1e-6);
    expect(Math.max(...a)).toBeLessThanOrEqual(0.9 + 1e-6);
    expect(Array.from(toyPoints(shape, 2000, 0, 3))).toEqual(Array.from(a));
    expect(Array.from(toyPoints(shape, 2000, 0, 4))).not.toEqual(Array.from(a));
  });

  it('draws 8 gaussians on a circle, with noise as their std', () => {
    const clean = pairs(toyPoints('8gaussians', 800, 0, 1)).map(local);
    const modes = new Set(clean.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`));
    expect(modes.size).toBe(8);
    clean.forEach(([x, y]) => expect(Math.hypot(x, y)).toBeCloseTo(1, 5));
    const noisy = pairs(toyPoints('8gaussians', 4000, 0.05, 1));
    // Same seed, same uniform stream: the first 800 noisy points jitter the 800 clean ones.
    const mode0 = noisy.slice(0, 800).map((p, i) => p[0] - (0.5 + 0.4 * clean[i][0]));
    const std = Math.sqrt(mode0.reduce((s, r) => s + r * r, 0) / mode0.length);
    expect(std).toBeGreaterThan(0.045);
    expect(std).toBeLessThan(0.055);
  });

  it('puts rings at radii 1/4 … 1 with points in proportion to length', () => {
    const radii = pairs(toyPoints('rings', 10000, 0, 2)).map((p) => Math.hypot(...local(p)));
    const counts = [0.25, 0.5, 0.75, 1].map((r) => radii.filter((v) => Math.abs(v - r) < 1e-4).length);
    expect(counts.reduce((a, b) => a + b)).toBe(10000);
    counts.forEach((c, i) => expect(c / 10000).toBeCloseTo((i + 1) / 10, 1));
  });

  it('fills only the dark squares of the checkerboard', () => {
    for (const [x, y] of pairs(toyPoints('checkerboard', 3000, 0, 5)).map(local)) {
      const col = Math.min(3, Math.floor((x + 1) * 2));
      const row = Math.min(3, Math.floor((y + 1) * 2));
      expect((col + row) % 2).toBe(0);
    }
  });

  it('lays the two moons on two unit half circles', () => {
    for (const [x, y] of pairs(toyPoints('moons', 1000, 0, 6)).map(local)) {
      const [mx, my] = [x * 1.5 + 0.5, y * 1.5 + 0.25]; // back to make_moons coordinates
      const outer = Math.abs(Math.hypot(mx, my) - 1) < 1e-4 && my >= -1e-6;
      const inner = Math.abs(Math.hypot(mx - 1, my - 0.5) - 1) < 1e-4 && my <= 0.5 + 1e-6;
      expect(outer || inner).toBe(true);
    }
  });

  it('winds the swiss roll outwards: radius grows with angle', () => {
    for (const [x, y] of pairs(toyPoints('swissroll', 500, 0, 7)).map(local)) {
      const r = Math.hypot(x, y);
      expect(r).toBeGreaterThanOrEqual(1 / 3 - 1e-6);
      const t = r * 4.5 * Math.PI; // the spiral's angle
      expect(Math.cos(t) * r).toBeCloseTo(x, 4);
      expect(Math.sin(t) * r).toBeCloseTo(y, 4);
    }
  });
});
