/**
 * Plot colours for both themes, shared by the editor's viewers and the CLI's PNGs (no tfjs, no DOM).
 * Data, samples and the score field get distinct hues (neutral, orange, teal: apart for
 * colour-blind eyes too); every colour meets a contrast floor against its theme's plot background.
 */

export type ThemeName = 'light' | 'dark';
export type Rgb = readonly [number, number, number];

export interface PlotPalette {
  /** Fill behind every plot (the viewer canvas and the PNG). */
  background: string;
  /** Training data under the samples. */
  data: string;
  /** Generated samples: the thing the user looks at, so the strongest colour. */
  samples: string;
  /** Score-field arrows: context, drawn first and thin. */
  field: string;
  /** The single loss curve. */
  loss: string;
  /** Axis lines and tick marks. */
  axis: string;
  /** Grid lines (deliberately faint: never a data colour). */
  grid: string;
  /** Tick labels, legends, captions. */
  text: string;
}

/** Minimum contrast against the plot background: 3:1 for marks (WCAG 1.4.11), 4.5:1 for text (1.4.3). */
export const MARK_CONTRAST = 3;
export const TEXT_CONTRAST = 4.5;

export const PALETTES: Readonly<Record<ThemeName, PlotPalette>> = {
  light: {
    background: '#f7f8fa',
    data: '#334155',
    samples: '#c2410c',
    field: '#0d9488',
    loss: '#1d4ed8',
    axis: '#64748b',
    grid: '#dde2e8',
    text: '#334155',
  },
  dark: {
    background: '#23272d',
    data: '#cbd5e1',
    samples: '#fb923c',
    field: '#2dd4bf',
    loss: '#7aa7ff',
    axis: '#94a3b8',
    grid: '#363c46',
    text: '#d6dbe1',
  },
};

export function plotPalette(theme: ThemeName): PlotPalette {
  return PALETTES[theme];
}

/**
 * The colour of noise level i of n (i = 0 is sigma_1, the largest): a hue ramp from violet (large
 * sigma) to orange (small sigma), each darkened (light theme) or lightened (dark theme) until it
 * stands out from the background by at least MARK_CONTRAST.
 */
export function levelColor(theme: ThemeName, i: number, n: number): string {
  const t = n > 1 ? Math.min(1, Math.max(0, i / (n - 1))) : 0;
  const hue = 265 - t * 240;
  const bg = hexToRgb(PALETTES[theme].background);
  let lightness = theme === 'light' ? 45 : 65;
  let rgb = hslToRgb(hue, 75, lightness);
  while (contrastRatio(rgb, bg) < MARK_CONTRAST + 0.2 && lightness > 5 && lightness < 95) {
    lightness += theme === 'light' ? -2 : 2;
    rgb = hslToRgb(hue, 75, lightness);
  }
  return rgbToHex(rgb);
}

/** `#rrggbb` (or `#rgb`) to bytes. */
export function hexToRgb(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`Not a hex colour: "${hex}"`);
  const v = parseInt(full, 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

export function rgbToHex(rgb: Rgb): string {
  return '#' + rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const sat = s / 100;
  const light = l / 100;
  const a = sat * Math.min(light, 1 - light);
  const f = (k: number) => {
    const m = (k + h / 30) % 12;
    return 255 * (light - a * Math.max(-1, Math.min(m - 3, 9 - m, 1)));
  };
  return [Math.round(f(0)), Math.round(f(8)), Math.round(f(4))];
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(rgb: Rgb): number {
  const lin = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}

/** WCAG contrast ratio, 1 (same) to 21 (black on white). */
export function contrastRatio(a: Rgb | string, b: Rgb | string): number {
  const la = luminance(typeof a === 'string' ? hexToRgb(a) : a);
  const lb = luminance(typeof b === 'string' ? hexToRgb(b) : b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
