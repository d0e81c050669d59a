import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { serializeGraph } from '../../graph';
import { corpusCatalog } from '../../graph/corpus/catalog';
import { graphFromBytes } from './read-graph';
import { testGraph } from '../../../test-support/test-graph';
import { viewerPng } from './viewer-png';
import { readGraphPng } from '../../render/graph-png';
import { graphHash } from '../../runtime/graph-hash';
import { provenance } from '../../runtime/provenance';

describe('viewer PNG export', () => {
  it('writes the image with the graph inside, and the graph comes back from the file', async () => {
    const graph = testGraph();
    const display = {
      kind: 'images' as const,
      count: 2,
      height: 2,
      width: 2,
      channels: 1 as const,
      pixels: new Float32Array([0, 0.5, 1, 0.25, 1, 1, 0, 0]),
      columns: 2,
    };
    const png = await viewerPng(display, graph);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBeGreaterThan(2); // IHDR width: the drawn grid, upscaled
    const back = graphFromBytes(png, 'grid.png', corpusCatalog);
    expect(back.ok).toBe(true);
    if (back.ok) expect(serializeGraph(back.graph)).toBe(serializeGraph(graph));
    // The pixels are a real image: black (value 0) and white (value 1) both appear.
    let o = 8;
    const idat: Uint8Array[] = [];
    while (o < png.length) {
      const len = view.getUint32(o);
      if (String.fromCharCode(...png.subarray(o + 4, o + 8)) === 'IDAT')
        idat.push(png.subarray(o + 8, o + 8 + len));
      o += 12 + len;
    }
    const raw = inflateSync(Buffer.concat(idat));
    const width = view.getUint32(16);
    const rows = view.getUint32(20);
    expect(raw.length).toBe((width * 4 + 1) * rows);
    const values = new Set<number>();
    for (let i = 0; i < raw.length; i++) if (i % (width * 4 + 1) !== 0) values.add(raw[i]);
    expect(values.has(0)).toBe(true);
    expect(values.has(255)).toBe(true);
  });

  it('carries the provenance of the run that made it, and the same graph hash the CLI writes', async () => {
    const graph = testGraph();
    const display = {
      kind: 'points' as const,
      points: new Float32Array([0.2, 0.4]),
      bounds: [0, 1, 0, 1] as [number, number, number, number],
    };
    const stamp = provenance(graph, 7, 'webgl');
    const read = readGraphPng(await viewerPng(display, graph, stamp));
    expect(read.ok && read.provenance).toEqual({ ...stamp, graphHash: graphHash(graph) });
    expect(stamp).toMatchObject({
      seed: 7,
      backend: 'webgl',
      tfjs: expect.stringMatching(/^\d+\.\d+\.\d+$/),
    });
  });
});
