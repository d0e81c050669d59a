import { describe, expect, it } from 'vitest';
import { serializeGraph } from '../graph';
import { testGraph } from '../../test-support/test-graph';
import { GRAPH_KEYWORD, graphPng, readGraphPng, RUN_KEYWORD } from './graph-png';
import { encodePng } from './png';
import { readPngText } from './png-text';
import { Raster } from './raster';

const raster = new Raster(4, 3, [10, 20, 30]);

describe('the PNG-with-graph format', () => {
  it('writes the graph and the provenance as UTF-8 iTXt chunks, and reads both back', async () => {
    const provenance = { graphHash: '00ab', seed: 7, backend: 'wasm', scoregraph: '0.1.0', tfjs: '4.22.0' };
    const png = await graphPng(raster, testGraph(), provenance);
    const chunks = readPngText(png);
    expect(chunks.ok && chunks.texts.map((t) => [t.type, t.keyword])).toEqual([
      ['iTXt', GRAPH_KEYWORD],
      ['iTXt', RUN_KEYWORD],
    ]);
    const back = readGraphPng(png);
    expect(back).toEqual({ ok: true, graphText: serializeGraph(testGraph()), provenance });
  });

  it('still reads the old CLI form: Latin-1 tEXt with \\u-escaped JSON, no provenance', async () => {
    const json = JSON.stringify(testGraph());
    const escaped = json.replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    const png = await encodePng(raster.width, raster.height, raster.rgba, { scoregraph: escaped });
    const back = readGraphPng(png);
    expect(back.ok && JSON.parse(back.graphText)).toEqual(JSON.parse(json));
    expect(back.ok && back.provenance).toBeNull();
  });

  it('says when a PNG has no graph, and ignores a damaged provenance chunk', async () => {
    const plain = await encodePng(2, 2, new Uint8Array(16));
    expect(readGraphPng(plain)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no scoregraph graph/),
    });
    const odd = await encodePng(2, 2, new Uint8Array(16), {}, { scoregraph: '{}', [RUN_KEYWORD]: '{oops' });
    expect(readGraphPng(odd)).toEqual({ ok: true, graphText: '{}', provenance: null });
  });
});
