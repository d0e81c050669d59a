import { describe, expect, it } from 'vitest';
import { encodePng } from '../../render/png';
import { decodePng } from './png-decode';

async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  new DataView(out.buffer).setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8); // CRC left 0: the decoder does not check it
  return out;
}

/** A test PNG: raw scanlines (already packed at `depth`), each row filtered with filters[y % 5]. */
async function makePng(opts: {
  width: number;
  height: number;
  depth: number;
  colorType: number;
  rows: Uint8Array[];
  bpp: number;
  extra?: Uint8Array[];
}): Promise<Uint8Array> {
  const { width, height, depth, colorType, rows, bpp } = opts;
  const filtered: number[] = [];
  rows.forEach((row, y) => {
    const filter = y % 5;
    const up = y > 0 ? rows[y - 1] : new Uint8Array(row.length);
    filtered.push(filter);
    for (let i = 0; i < row.length; i++) {
      const left = i >= bpp ? row[i - bpp] : 0;
      const upLeft = i >= bpp ? up[i - bpp] : 0;
      const p = left + up[i] - upLeft;
      const paeth = [left, up[i], upLeft].sort(
        (a, b) =>
          Math.abs(p - a) - Math.abs(p - b) ||
          [left, up[i], upLeft].indexOf(a) - [left, up[i], upLeft].indexOf(b),
      )[0];
      const predictor = [0, left, up[i], (left + up[i]) >> 1, paeth][filter];
      filtered.push((row[i] - predictor) & 0xff);
    }
  });
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([depth, colorType, 0, 0, 0], 8);
  const parts = [
    Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10),
    chunk('IHDR', header),
    ...(opts.extra ?? []),
    chunk('IDAT', await deflate(Uint8Array.from(filtered))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((o, p) => (out.set(p, o), o + p.length), 0);
  return out;
}

describe('PNG decoder', () => {
  it('round-trips the project’s own RGBA encoder', async () => {
    const rgba = Uint8Array.from({ length: 5 * 3 * 4 }, (_, i) => (i * 37) % 256);
    const decoded = await decodePng(await encodePng(5, 3, rgba, { Software: 'test' }));
    expect([decoded.width, decoded.height]).toEqual([5, 3]);
    expect(Array.from(decoded.rgba)).toEqual(Array.from(rgba));
  });

  it('undoes all five row filters (8-bit grey)', async () => {
    const rows = Array.from({ length: 10 }, (_, y) =>
      Uint8Array.from({ length: 7 }, (_, x) => (x * 40 + y * 23) % 256),
    );
    const decoded = await decodePng(
      await makePng({ width: 7, height: 10, depth: 8, colorType: 0, rows, bpp: 1 }),
    );
    rows.forEach((row, y) =>
      row.forEach((v, x) =>
        expect(Array.from(decoded.rgba.subarray((y * 7 + x) * 4, (y * 7 + x) * 4 + 4))).toEqual([
          v,
          v,
          v,
          255,
        ]),
      ),
    );
  });

  it('reads 16-bit RGB, 1-bit grey and 4-bit palette images with transparency', async () => {
    const rgb16 = [Uint8Array.of(0x12, 0x34, 0xab, 0xcd, 0xff, 0xff, 0, 1, 0x80, 0, 0x7f, 0xff)];
    const a = await decodePng(
      await makePng({ width: 2, height: 1, depth: 16, colorType: 2, rows: rgb16, bpp: 6 }),
    );
    expect(Array.from(a.rgba)).toEqual([0x12, 0xab, 0xff, 255, 0, 0x80, 0x7f, 255]);

    const bits = [Uint8Array.of(0b10110000), Uint8Array.of(0b01000000)]; // 4 pixels per row
    const b = await decodePng(
      await makePng({ width: 4, height: 2, depth: 1, colorType: 0, rows: bits, bpp: 1 }),
    );
    expect(Array.from({ length: 8 }, (_, i) => b.rgba[i * 4])).toEqual([255, 0, 255, 255, 0, 255, 0, 0]);

    const palette = chunk('PLTE', Uint8Array.of(10, 20, 30, 200, 100, 50));
    const alpha = chunk('tRNS', Uint8Array.of(0));
    const indices = [Uint8Array.of(0x01, 0x10)]; // 4-bit: 0, 1, 1, 0
    const c = await decodePng(
      await makePng({
        width: 4,
        height: 1,
        depth: 4,
        colorType: 3,
        rows: indices,
        bpp: 1,
        extra: [palette, alpha],
      }),
    );
    expect(Array.from(c.rgba)).toEqual([10, 20, 30, 0, 200, 100, 50, 255, 200, 100, 50, 255, 10, 20, 30, 0]);
  });

  it('refuses files that are not PNGs, and interlaced ones with a reason', async () => {
    await expect(decodePng(Uint8Array.of(1, 2, 3))).rejects.toThrow(/Not a PNG/);
    const header = new Uint8Array(13);
    new DataView(header.buffer).setUint32(0, 1);
    new DataView(header.buffer).setUint32(4, 1);
    header.set([8, 0, 0, 0, 1], 8);
    const file = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, ...chunk('IHDR', header)]);
    await expect(decodePng(file)).rejects.toThrow(/Interlaced/);
  });
});
