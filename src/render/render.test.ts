import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hasNumpy } from '../../test-support/has-numpy';
import { displayArray, drawBars, drawImages, drawLoss, drawPoints, PLOT_COLORS } from './draw-display';
import { ticks, tickLabel } from './plot-frame';
import { encodeNpy } from './npy';
import { crc32, encodePng } from './png';

/** Reads a PNG's chunks back with Node's own inflate, checking every CRC. */
function readPng(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  expect(Array.from(bytes.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const chunks: { type: string; data: Uint8Array }[] = [];
  for (let o = 8; o < bytes.length;) {
    const len = view.getUint32(o);
    const type = String.fromCharCode(...bytes.subarray(o + 4, o + 8));
    const data = bytes.subarray(o + 8, o + 8 + len);
    expect((crc32(bytes.subarray(o + 4, o + 8 + len)) ^ 0xffffffff) >>> 0).toBe(view.getUint32(o + 8 + len));
    chunks.push({ type, data });
    o += 12 + len;
  }
  return chunks;
}

describe('PNG encoder', () => {
  it('round-trips pixels and text chunks', async () => {
    const rgba = new Uint8ClampedArray(3 * 2 * 4).map((_, i) => (i * 37) % 256);
    const png = await encodePng(3, 2, rgba, { scoregraph: '{"a":1}' });
    const chunks = readPng(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
    expect(new TextDecoder().decode(chunks[1].data)).toBe('scoregraph\0{"a":1}');
    const raw = inflateSync(chunks[2].data);
    expect(raw.length).toBe((3 * 4 + 1) * 2);
    expect(Array.from(raw.subarray(1, 13))).toEqual(Array.from(rgba.subarray(0, 12)));
    expect(Array.from(raw.subarray(14, 26))).toEqual(Array.from(rgba.subarray(12, 24)));
  });
});

describe('npy writer', () => {
  it('writes a v1.0 header padded to 64 bytes', () => {
    const bytes = encodeNpy(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3]);
    const headerLen = new DataView(bytes.buffer).getUint16(8, true);
    expect((10 + headerLen) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLen));
    expect(header.trim()).toBe("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }");
    expect(Array.from(new Float32Array(bytes.slice(10 + headerLen).buffer))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => encodeNpy(new Float32Array(5), [2, 3])).toThrow(/needs 6 values/);
  });

  it.runIf(hasNumpy)('is loaded by NumPy with the right shape and values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'npy-'));
    const file = join(dir, 'a.npy');
    writeFileSync(file, encodeNpy(new Float32Array([0.5, -1, 2, 3.25]), [4]));
    const out = execFileSync('python3', [
      '-c',
      `import numpy as n; a=n.load(${JSON.stringify(file)}); print(a.dtype, a.shape, a.tolist())`,
    ]);
    expect(out.toString().trim()).toBe('float32 (4,) [0.5, -1.0, 2.0, 3.25]');
  });
});

describe('display rasters', () => {
  it('draws an image grid nearest-neighbour, clamped for display', () => {
    const pixels = new Float32Array([0, 1, 2, -1]); // two 1×2 grey images
    const r = drawImages(
      { kind: 'images', count: 2, height: 1, width: 2, channels: 1, pixels, columns: 2 },
      2,
    );
    const at = (x: number, y: number) => r.rgba[(y * r.width + x) * 4];
    expect([r.width, r.height]).toEqual([2 * (4 + 2) + 2, 1 * (2 + 2) + 2]);
    expect([at(2, 2), at(3, 3), at(4, 2), at(5, 3)]).toEqual([0, 0, 255, 255]);
    expect([at(8, 2), at(10, 2)]).toEqual([255, 0]);
    expect(
      displayArray({ kind: 'images', count: 2, height: 1, width: 2, channels: 1, pixels, columns: 2 }).shape,
    ).toEqual([2, 1, 2, 1]);
  });

  it('puts points where their coordinates say, inside labelled axes, with nothing clipped', () => {
    const points = new Float32Array([1, 1, -1, -1, 1.5, 0]); // the last one outside the bounds
    const overlay = new Float32Array([0, 0]);
    const r = drawPoints({ kind: 'points', points, overlay, bounds: [-1, 1, -1, 1] }, 300);
    const pixelsOf = (color: readonly number[], tolerance = 90) => {
      const at: [number, number][] = [];
      for (let y = 0; y < r.height; y++)
        for (let x = 0; x < r.width; x++) {
          const o = (y * r.width + x) * 4;
          const d =
            Math.abs(r.rgba[o] - color[0]) +
            Math.abs(r.rgba[o + 1] - color[1]) +
            Math.abs(r.rgba[o + 2] - color[2]);
          if (d < tolerance) at.push([x, y]);
        }
      return at;
    };
    const samples = pixelsOf(PLOT_COLORS.samples, 150); // dots are drawn a little transparent
    // Three dots: top right (1, 1), bottom left (-1, -1), and (1.5, 0) at the right edge, all drawn whole.
    const right = samples.filter(([x, y]) => x > r.width * 0.7 && y > 20); // below the legend
    expect(samples.some(([x, y]) => x < r.width / 2 && y > r.height / 2)).toBe(true);
    expect(right.some(([, y]) => y < r.height / 3)).toBe(true);
    expect(Math.max(...samples.map(([x]) => x))).toBeLessThan(r.width - 4);
    // The legend (above the plot) has a swatch for the data only when there is data.
    const hasSwatch = (raster: typeof r, color: readonly number[]) => {
      const is = (x: number, y: number) =>
        [0, 1, 2].every((c) => raster.rgba[(y * raster.width + x) * 4 + c] === color[c]);
      for (let y = 0; y < 40; y++)
        for (let x = 0; x + 11 < raster.width; x++)
          if (
            is(x, y) &&
            Array.from({ length: 77 }, (_, k) => is(x + (k % 11), y + Math.floor(k / 11))).every(Boolean)
          )
            return true;
      return false;
    };
    expect(hasSwatch(r, PLOT_COLORS.data)).toBe(true);
    expect(hasSwatch(r, PLOT_COLORS.samples)).toBe(true);
    const alone = drawPoints({ kind: 'points', points, bounds: [-1, 1, -1, 1] }, 300);
    expect(hasSwatch(alone, PLOT_COLORS.data)).toBe(false);
    expect(hasSwatch(alone, PLOT_COLORS.samples)).toBe(true);
    // A dataset's preview: data only, so no samples in the legend.
    const data = drawPoints(
      { kind: 'points', points: new Float32Array(0), overlay, bounds: [-1, 1, -1, 1] },
      300,
    );
    expect(hasSwatch(data, PLOT_COLORS.data)).toBe(true);
    expect(hasSwatch(data, PLOT_COLORS.samples)).toBe(false);
    // Axis text: dark ink below the plot (tick labels) and at the left (the y title).
    expect(pixelsOf(PLOT_COLORS.text).some(([, y]) => y > r.height - 30)).toBe(true);
  });

  it('draws the loss against the step, and per noise level in a second panel', () => {
    const d = { kind: 'loss' as const, steps: [50, 100, 150], loss: [1, 0.5, 0.3] };
    const one = drawLoss(d);
    const two = drawLoss({ ...d, perLevel: [0.1, 0.4, 0.9], sigmas: [1, 0.1, 0.01] });
    expect(two.width).toBe(2 * one.width);
    const blue = (x0: number, x1: number) => {
      let n = 0;
      for (let y = 0; y < two.height; y++)
        for (let x = x0; x < x1; x++) {
          const o = (y * two.width + x) * 4;
          if (two.rgba[o + 2] > 180 && two.rgba[o] < 80) n++;
        }
      return n;
    };
    expect(blue(0, one.width)).toBeGreaterThan(50);
    expect(blue(one.width, two.width)).toBeGreaterThan(50);
  });
});

describe('axis ticks', () => {
  it('steps of 1, 2 or 5 × 10^k on linear axes, powers of ten on log axes', () => {
    expect(ticks({ min: 0, max: 1, label: '' })).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks({ min: -3, max: 17, label: '' })).toEqual([0, 5, 10, 15]);
    expect(ticks({ min: 0.004, max: 2, label: '', log: true })).toEqual([0.01, 0.1, 1]);
    expect(ticks({ min: 0.2, max: 1.1, label: '', log: true })).toEqual([0.2, 0.5, 1]);
    expect(ticks({ min: 0.537, max: 0.839, label: '', log: true })).toEqual([0.6, 0.7, 0.8]); // within a decade: linear steps;
    expect([0, 0.5, 1e-4, 25000, 12].map(tickLabel)).toEqual(['0', '0.5', '1e-4', '3e4', '12']);
  });
});

describe('metric bars', () => {
  it('draws one bar per value, as tall as its share of the largest, and exports the values', () => {
    const display = {
      kind: 'metrics' as const,
      rows: [],
      bars: { title: 'per digit', labels: ['0', '1', '2', '3'], values: [4, 2, 0, 1] },
      values: {},
    };
    const r = drawBars(display, 120, 112);
    const [sr, sg, sb] = PLOT_COLORS.samples;
    const height = (column: number) => {
      let n = 0;
      for (let y = 0; y < 112; y++) {
        const o = (y * 120 + column) * 4;
        if (r.rgba[o] === sr && r.rgba[o + 1] === sg && r.rgba[o + 2] === sb) n++;
      }
      return n;
    };
    // slots of 24 px from x = 12: the bar centres are at 24, 48, 72, 96; the plot is 88 px tall
    expect(height(24)).toBeGreaterThanOrEqual(88);
    expect(Math.abs(height(48) - 44)).toBeLessThanOrEqual(1);
    expect(height(72)).toBe(0);
    expect(Math.abs(height(96) - 22)).toBeLessThanOrEqual(1);
    expect(displayArray(display)).toEqual({ data: Float32Array.of(4, 2, 0, 1), shape: [4] });
  });
});
