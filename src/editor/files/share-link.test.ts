import { strToU8, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { serializeGraph } from '../../graph';
import { corpusCatalog } from '../../graph/corpus/catalog';
import { fromBase64Url, toBase64Url } from './base64url';
import { graphFromText } from './read-graph';
import { graphTextFromHash, MAX_LINK_CHARS, shareLink } from './share-link';
import { testGraph } from '../../../test-support/test-graph';

describe('base64url', () => {
  it('round-trips every length and byte value, with no padding or +/', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 13) % 256);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(text.length).toBe(Math.ceil((n * 4) / 3));
      expect(Array.from(fromBase64Url(text)!)).toEqual(Array.from(bytes));
    }
    // The same as Node's encoder.
    const sample = Uint8Array.from([251, 255, 191, 0, 1, 2, 254]);
    expect(toBase64Url(sample)).toBe(Buffer.from(sample).toString('base64url'));
  });

  it('refuses characters and lengths no encoder makes', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abc=')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });
});

describe('share links', () => {
  it('round-trips a graph through the URL fragment exactly', () => {
    const graph = testGraph();
    const link = shareLink(graph, 'http://localhost:4173/?backend=wasm#old');
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url.startsWith('http://localhost:4173/?backend=wasm#graph=')).toBe(true);
    const hash = new URL(link.url).hash;
    const text = graphTextFromHash(hash);
    expect(text && 'text' in text).toBe(true);
    const parsed = graphFromText((text as { text: string }).text, corpusCatalog);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(serializeGraph(parsed.graph)).toBe(serializeGraph(graph));
  });

  it('compresses: the link is much shorter than the file', () => {
    const graph = testGraph();
    const link = shareLink(graph, 'http://x/');
    expect(link.ok && link.url.length).toBeLessThan(serializeGraph(graph).length * 0.8);
  });

  it('says when a link would be too long, and offers the file', () => {
    const graph = testGraph();
    // Incompressible notes on many nodes make the link long.
    let seed = 7;
    const noise = () =>
      Array.from({ length: 200 }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return String.fromCharCode(33 + (seed % 90));
      }).join('');
    const extra = Array.from({ length: 60 }, (_, i) => ({
      id: `fit${i}`,
      type: 'train.fit',
      params: { note: noise() },
    }));
    const link = shareLink({ ...graph, nodes: [...graph.nodes, ...extra] }, 'http://x/');
    expect(link.ok).toBe(false);
    if (!link.ok) {
      expect(link.length).toBeGreaterThan(MAX_LINK_CHARS);
      expect(link.message).toMatch(/characters.*Share the file instead/);
    }
  });

  it('ignores other fragments and reports damaged ones without throwing', () => {
    expect(graphTextFromHash('')).toBeNull();
    expect(graphTextFromHash('#section-2')).toBeNull();
    expect(graphTextFromHash('#graph=a+b')).toEqual({ message: expect.stringMatching(/damaged/) });
    const good = shareLink(testGraph(), 'http://x/');
    const hash = good.ok ? new URL(good.url).hash : '';
    expect(graphTextFromHash(hash.slice(0, hash.length - 20))).toEqual({
      message: expect.stringMatching(/cut short/),
    });
    const flipped = hash.slice(0, 60) + (hash[60] === 'A' ? 'B' : 'A') + hash.slice(61);
    expect(graphTextFromHash(flipped)).toEqual({ message: expect.stringMatching(/damaged/) });
  });

  it('stops a decompression bomb instead of inflating it', () => {
    // 40 MB of zeros packs into ~40 KB; the limit is 4 × the largest file.
    const bomb = zlibSync(new Uint8Array(40_000_000), { level: 9 });
    expect(graphTextFromHash(`#graph=${toBase64Url(bomb)}`)).toEqual({
      message: expect.stringMatching(/cannot be unpacked/),
    });
  });

  it('gives a link to a non-graph the same problems as a file', () => {
    const text = JSON.stringify({ format: 'other', version: 1 });
    const hash = `#graph=${toBase64Url(zlibSync(strToU8(text)))}`;
    const got = graphTextFromHash(hash);
    const parsed = graphFromText((got as { text: string }).text, corpusCatalog);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0].message).toMatch(/not a scoregraph file/);
  });
});
