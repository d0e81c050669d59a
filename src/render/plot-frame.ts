/**
 * Axes for headless plots: a frame with ticks at round numbers, tick labels, axis titles and a
 * legend, and the mapping from data to pixels inside it. Log axes tick at powers of ten.
 */
import { textWidth } from './font';
import { hexToRgb, plotPalette } from './palette';
import type { Raster, Rgb } from './raster';

// Light-theme text and grid, as in the editor's viewers.
const PALETTE = plotPalette('light');
export const INK: Rgb = hexToRgb(PALETTE.text);
const GRID: Rgb = hexToRgb(PALETTE.grid);

export interface Axis {
  min: number;
  max: number;
  label: string;
  log?: boolean;
}

export interface Frame {
  /** Plot area in pixels: left, top, right, bottom. */
  box: [number, number, number, number];
  x: (value: number) => number;
  y: (value: number) => number;
}

/** Round tick values covering [min, max]: steps of 1, 2 or 5 × 10^k (powers of ten on log axes). */
export function ticks(axis: Axis, target = 5): number[] {
  if (axis.log) {
    const lo = Math.floor(Math.log10(axis.min));
    const hi = Math.ceil(Math.log10(axis.max));
    const inRange = (v: number) => v >= axis.min * 0.999 && v <= axis.max * 1.001;
    // Few decades: 1, 2, 5 × 10^k; many: every power of ten (or every other one, and so on).
    const mantissas = hi - lo <= 3 ? [1, 2, 5] : [1];
    const every = Math.max(1, Math.ceil((hi - lo) / target));
    const out: number[] = [];
    for (let k = lo; k <= hi; k += every)
      for (const m of mantissas) if (inRange(m * 10 ** k)) out.push(Number((m * 10 ** k).toPrecision(6)));
    // Within one decade powers of ten are too sparse: fall back to round linear steps.
    return out.length >= 2 ? out : ticks({ ...axis, log: false }, target).filter((v) => v > 0);
  }
  const span = axis.max - axis.min || 1;
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  // Whole multiples of the step, rounded so 0.6 prints as 0.6, not 0.6000000000000001.
  for (let k = Math.ceil(axis.min / step - 1e-9); k * step <= axis.max + step * 1e-9; k++)
    out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** 0.001, 0.5, 12, 1e+4: short tick labels. */
export function tickLabel(value: number): string {
  if (value === 0) return '0';
  const a = Math.abs(value);
  if (a >= 1e4 || a < 1e-3) return value.toExponential(0).replace('e+', 'e');
  return String(Number(value.toPrecision(3)));
}

/** Draws the frame, ticks, labels and axis titles; returns the data-to-pixel mapping. */
export function drawFrame(r: Raster, xAxis: Axis, yAxis: Axis, title?: string): Frame {
  const yTicks = ticks(yAxis);
  const left = 14 + Math.max(...yTicks.map((t) => textWidth(tickLabel(t)))) + 8;
  // Top margin: a title row (when titled) over the legend row.
  const box: [number, number, number, number] = [left, title ? 36 : 24, r.width - 14, r.height - 36];
  const [x0, y0, x1, y1] = box;
  const scale = (axis: Axis, from: number, to: number) => {
    const f = axis.log ? Math.log10 : (v: number) => v;
    const [a, b] = [f(axis.min), f(axis.max)];
    return (v: number) => from + ((f(v) - a) / (b - a || 1)) * (to - from);
  };
  const frame: Frame = { box, x: scale(xAxis, x0, x1), y: scale(yAxis, y1, y0) };
  for (const t of ticks(xAxis)) {
    const px = frame.x(t);
    r.line(px, y0, px, y1, GRID);
    r.line(px, y1, px, y1 + 4, INK);
    const label = tickLabel(t);
    r.text(px - textWidth(label) / 2, y1 + 7, label, INK);
  }
  for (const t of yTicks) {
    const py = frame.y(t);
    r.line(x0, py, x1, py, GRID);
    r.line(x0 - 4, py, x0, py, INK);
    const label = tickLabel(t);
    r.text(x0 - 7 - textWidth(label), py - 3, label, INK);
  }
  r.line(x0, y1, x1, y1, INK);
  r.line(x0, y0, x0, y1, INK);
  r.text((x0 + x1) / 2 - textWidth(xAxis.label) / 2, r.height - 13, xAxis.label, INK);
  r.text(2, (y0 + y1) / 2 + textWidth(yAxis.label) / 2, yAxis.label, INK, true);
  if (title) r.text(x0, 5, title, INK);
  return frame;
}

/** A legend above the plot area, right-aligned, never over the data: a swatch and a name per entry. */
export function drawLegend(r: Raster, frame: Frame, entries: { label: string; color: Rgb }[]): void {
  let x = frame.box[2];
  for (const e of [...entries].reverse()) {
    x -= textWidth(e.label);
    const y = frame.box[1] - 17;
    r.text(x, y, e.label, INK);
    x -= 16;
    r.fill(x, y + 1, 11, 7, e.color);
    x -= 12;
  }
}
