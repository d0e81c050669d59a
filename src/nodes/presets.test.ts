/** Every shipped preset loads: it parses against the registry, and reads well in the editor. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGraph, splitEndpoint } from '../graph';
import { registry } from './registry';

const dir = join(import.meta.dirname, '../../graphs');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('preset graphs', () => {
  it('ship the expected presets', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(
      expect.arrayContaining([
        'mnist-inpainting',
        'mnist-interpolation',
        'mnist-ncsn-original',
        'mnist-ncsnv2',
        'mnist-reconstruction',
        'toy-mixture-exact',
        'toy-swissroll',
      ]),
    );
  });

  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const result = parseGraph(text, registry);

      it('parses with every node kind registered and every edge valid', () => {
        expect(result.ok ? [] : result.problems).toEqual([]);
      });

      it('has a description and every node placed, edges flowing left to right', () => {
        if (!result.ok) return;
        const graph = result.graph;
        expect(graph.description?.length ?? 0).toBeGreaterThan(100);
        const at = new Map(graph.nodes.map((n) => [n.id, n.position]));
        for (const node of graph.nodes) expect(node.position, node.id).toBeDefined();
        for (const edge of graph.edges) {
          const [from, to] = [splitEndpoint(edge.from)!, splitEndpoint(edge.to)!];
          expect(at.get(from.nodeId)![0], `${edge.from} → ${edge.to}`).toBeLessThan(at.get(to.nodeId)![0]);
        }
      });
    });
  }
});
