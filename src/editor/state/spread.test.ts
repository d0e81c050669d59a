import { describe, expect, it } from 'vitest';
import type { Graph } from '../../graph';
import { emptyGraph } from './empty-graph';
import { addNodes } from './graph-ops';
import { spreadOverlaps } from './spread';

const size = { width: 200, height: 150 };

describe('spreading overlapping cards', () => {
  it('moves a card down below the one it overlaps, and the next one after it', () => {
    const g: Graph = addNodes(emptyGraph(), [
      { id: 'a', type: 't', params: {}, position: [0, 0] },
      { id: 'b', type: 't', params: {}, position: [10, 100] },
      { id: 'c', type: 't', params: {}, position: [0, 200] },
      { id: 'side', type: 't', params: {}, position: [400, 50] },
    ]);
    const sizes = new Map(['a', 'b', 'c', 'side'].map((id) => [id, size]));
    const out = spreadOverlaps(g, sizes);
    const at = (id: string) => out.nodes.find((n) => n.id === id)!.position;
    expect(at('a')).toEqual([0, 0]);
    expect(at('b')).toEqual([10, 170]);
    expect(at('c')).toEqual([0, 340]);
    expect(at('side')).toEqual([400, 50]);
  });

  it('leaves a graph without overlaps untouched', () => {
    const g: Graph = addNodes(emptyGraph(), [
      { id: 'a', type: 't', params: {}, position: [0, 0] },
      { id: 'b', type: 't', params: {}, position: [0, 300] },
    ]);
    expect(
      spreadOverlaps(
        g,
        new Map([
          ['a', size],
          ['b', size],
        ]),
      ),
    ).toBe(g);
  });
});
