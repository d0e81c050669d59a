import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hasNumpy } from './has-numpy';
import { hexToRgb, plotPalette } from '../../render/palette';
import { displayArray, drawImages, drawPoints } from './draw-display';
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

  it('puts points where their coordinates say, whole even on the edge, in the palette colours', () => {
    const r = drawPoints(
      {
        kind: 'points',
        points: new Float32Array([1, 1]),
        overlay: new Float32Array([-1, -1]),
        bounds: [-1, 1, -1, 1],
      },
      101,
      6,
    );
    const pixel = (x: number, y: number) =>
      Array.from(r.rgba.subarray((y * 101 + x) * 4, (y * 101 + x) * 4 + 3));
    const near = (x: number, y: number, hex: string) => {
      const want = hexToRgb(hex);
      return pixel(x, y).every((v, c) => Math.abs(v - want[c]) < 40);
    };
    const p = plotPalette('light');
    expect(near(94, 6, p.samples)).toBe(true); // top right, inside the margin
    expect(near(6, 94, p.data)).toBe(true); // bottom left
    expect(near(6, 6, p.background)).toBe(true);
    // The dot around the edge sample lies inside the raster: its whole disc is drawn.
    for (const [dx, dy] of [
      [-1, 0],
      [1, 0],
      [0, -1],
      [0, 1],
    ])
      expect(near(94 + dx, 6 + dy, p.samples)).toBe(true);
  });
});
