import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { serializeGraph } from '../../graph';
import { corpusCatalog } from '../../graph/corpus/catalog';
import { crc32, encodePng } from '../../render/png';
import { graphFromBytes, graphFromText } from './read-graph';
import { readPngText } from '../../render/png-text';
import { testGraph, testGraphText } from '../../../test-support/test-graph';

const rgba = new Uint8Array(4 * 3 * 2).fill(200);
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The CLI's embedding: ASCII-escaped JSON in tEXt (src/cli/write-outputs.ts). */
const cliText = (json: string) =>
  json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A chunk with a correct CRC, inserted before IEND. */
function withChunk(png: Uint8Array, type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(utf8(type), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, (crc32(chunk.subarray(4, 8 + data.length)) ^ 0xffffffff) >>> 0);
  const iend = png.length - 12;
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, iend));
  out.set(chunk, iend);
  out.set(png.subarray(iend), iend + chunk.length);
  return out;
}

function expectSameGraph(result: ReturnType<typeof graphFromBytes>) {
  expect(result.ok ? 'ok' : result.problems).toBe('ok');
  if (result.ok) expect(serializeGraph(result.graph)).toBe(serializeGraph(testGraph()));
}

describe('graphs from files', () => {
  it('reads JSON files, with or without a byte-order mark', () => {
    expectSameGraph(graphFromBytes(utf8(testGraphText), 'g.json', corpusCatalog));
    expectSameGraph(graphFromBytes(utf8('\ufeff' + testGraphText), 'g.json', corpusCatalog));
    expectSameGraph(graphFromText(serializeGraph(testGraph()), corpusCatalog));
  });

  it('restores the graph from a PNG exported by the editor (UTF-8 iTXt)', async () => {
    const json = serializeGraph(testGraph());
    const png = await encodePng(3, 2, rgba, {}, { scoregraph: json });
    const texts = readPngText(png);
    expect(texts.ok && texts.texts.map((t) => [t.type, t.keyword])).toEqual([['iTXt', 'scoregraph']]);
    expectSameGraph(graphFromBytes(png, 'samples.png', corpusCatalog));
  });

  it('restores the graph from a PNG written by the CLI (escaped tEXt)', async () => {
    const png = await encodePng(3, 2, rgba, { scoregraph: cliText(JSON.stringify(testGraph())) });
    expectSameGraph(graphFromBytes(png, 'view.png', corpusCatalog));
  });

  it('reads uncompressed iTXt and zTXt chunks too', async () => {
    const plain = await encodePng(3, 2, rgba);
    const head = utf8('scoregraph\0\0\0\0\0');
    const body = utf8(testGraphText);
    const itxt = new Uint8Array(head.length + body.length);
    itxt.set(head);
    itxt.set(body, head.length);
    expectSameGraph(graphFromBytes(withChunk(plain, 'iTXt', itxt), 'a.png', corpusCatalog));
    const ascii = cliText(testGraphText);
    const packed = zlibSync(Uint8Array.from(ascii, (c) => c.charCodeAt(0)));
    const ztxt = new Uint8Array(12 + packed.length);
    ztxt.set(utf8('scoregraph\0\0'));
    ztxt.set(packed, 12);
    expectSameGraph(graphFromBytes(withChunk(plain, 'zTXt', ztxt), 'b.png', corpusCatalog));
  });

  it('explains PNGs without a graph, ComfyUI PNGs and damaged PNGs', async () => {
    const plain = await encodePng(3, 2, rgba);
    const message = (bytes: Uint8Array) => {
      const r = graphFromBytes(bytes, 'x.png', corpusCatalog);
      return r.ok ? 'ok' : r.problems.map((p) => p.message).join(' | ');
    };
    expect(message(plain)).toMatch(/no scoregraph graph inside/);
    expect(message(await encodePng(3, 2, rgba, { workflow: '{}' }))).toMatch(/ComfyUI workflow/);
    const withGraph = await encodePng(3, 2, rgba, {}, { scoregraph: testGraphText });
    const flipped = withGraph.slice();
    flipped[60] ^= 0xff;
    expect(message(flipped)).toMatch(/damaged \(bad checksum/);
    expect(message(withGraph.subarray(0, 70))).toMatch(/cut short/);
    const hugeLength = withGraph.slice();
    new DataView(hugeLength.buffer).setUint32(33, 0xfffffff0);
    expect(message(hugeLength)).toMatch(/cut short/);
    // A graph that is in the PNG but broken gets the file's own problems.
    expect(message(await encodePng(3, 2, rgba, {}, { scoregraph: '{"format":"scoregraph"' }))).toMatch(
      /not valid JSON/,
    );
  });

  it('stops a decompression bomb in a PNG text chunk', async () => {
    const plain = await encodePng(3, 2, rgba);
    const packed = zlibSync(new Uint8Array(40_000_000), { level: 9 });
    const data = new Uint8Array(15 + packed.length);
    data.set(utf8('scoregraph\0\u0001\0\0\0'));
    data.set(packed, 15);
    const r = graphFromBytes(withChunk(plain, 'iTXt', data), 'bomb.png', corpusCatalog);
    expect(r.ok ? 'ok' : r.problems[0].message).toMatch(/damaged or too large/);
  });

  it('explains binary and oversized files without decoding them', () => {
    const binary = Uint8Array.from([0xff, 0xfe, 0x00, 0xc3, 0x28]);
    const r = graphFromBytes(binary, 'model.bin', corpusCatalog);
    expect(r.ok ? 'ok' : r.problems[0].message).toMatch(/"model.bin" is not a text file/);
    const big = graphFromBytes(new Uint8Array(25_000_000).fill(32), 'big.json', corpusCatalog);
    expect(big.ok ? 'ok' : big.problems[0].message).toMatch(/too large \(25.0 MB/);
  });
});
