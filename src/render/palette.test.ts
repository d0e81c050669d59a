import { describe, expect, it } from 'vitest';
import {
  MARK_CONTRAST,
  PALETTES,
  TEXT_CONTRAST,
  contrastRatio,
  hexToRgb,
  levelColor,
  type ThemeName,
} from './palette';

const THEMES: ThemeName[] = ['light', 'dark'];

describe('contrastRatio', () => {
  it('matches the WCAG known answers', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#abc', '#aabbcc')).toBe(1);
    expect(() => hexToRgb('red')).toThrow(/red/);
  });
});

describe.each(THEMES)('%s plot palette', (theme) => {
  const p = PALETTES[theme];

  it('draws every mark legibly on the plot background', () => {
    for (const mark of [p.data, p.samples, p.field, p.loss, p.axis])
      expect(contrastRatio(mark, p.background)).toBeGreaterThanOrEqual(MARK_CONTRAST);
    expect(contrastRatio(p.text, p.background)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it('keeps data, samples and field apart from each other', () => {
    const [d, s, f] = [p.data, p.samples, p.field].map(hexToRgb);
    const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(...a.map((v, i) => v - b[i]));
    expect(distance(d, s)).toBeGreaterThan(100);
    expect(distance(d, f)).toBeGreaterThan(100);
    expect(distance(s, f)).toBeGreaterThan(100);
  });

  it('keeps the grid faint (never the data colour, the bug in issue 12)', () => {
    expect(contrastRatio(p.grid, p.background)).toBeLessThan(1.6);
  });

  it('gives each noise level a legible, distinct colour', () => {
    const n = 10;
    const colours = Array.from({ length: n }, (_, i) => levelColor(theme, i, n));
    expect(new Set(colours).size).toBe(n);
    for (const c of colours) expect(contrastRatio(c, p.background)).toBeGreaterThanOrEqual(MARK_CONTRAST);
    expect(levelColor(theme, 0, 1)).toBe(colours[0]);
  });
});
