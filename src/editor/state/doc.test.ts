import { describe, expect, it } from 'vitest';
import { serializeGraph, type Graph } from '../../graph';
import { GraphDoc } from './doc';
import { emptyGraph } from './empty-graph';
import { addNodes, connect, disconnect, moveNodes, removeNodes, setCollapsed, setParam } from './graph-ops';

const node = (id: string, type = 'data.toy2d') => ({ id, type, params: {}, position: [0, 0] as const });

describe('GraphDoc history', () => {
  it('undoes and redoes edits, and skips edits that change nothing', () => {
    const doc = new GraphDoc(emptyGraph());
    doc.apply((g) => addNodes(g, [node('a')]));
    doc.apply((g) => setParam(g, 'a', 'count', 50));
    expect(doc.apply((g) => setParam(g, 'a', 'count', 50))).toBe(false);
    expect(doc.graph.nodes[0].params.count).toBe(50);
    doc.undo();
    expect(doc.graph.nodes[0].params.count).toBeUndefined();
    doc.undo();
    expect(doc.graph.nodes).toHaveLength(0);
    expect(doc.canUndo).toBe(false);
    doc.redo();
    doc.redo();
    expect(doc.graph.nodes[0].params.count).toBe(50);
    expect(doc.canRedo).toBe(false);
  });

  it('groups a gesture into one undo step', async () => {
    const doc = new GraphDoc(emptyGraph());
    await doc.group(() => {
      doc.apply((g) => addNodes(g, [node('a'), node('b', 'model.mlp')]));
      doc.apply((g) => connect(g, 'a.dataset', 'b.dataset'));
    });
    expect(doc.graph.edges).toHaveLength(1);
    doc.undo();
    expect(doc.graph.nodes).toHaveLength(0);
  });

  it('a new edit after undo drops the redo branch; load forgets history', () => {
    const doc = new GraphDoc(emptyGraph());
    doc.apply((g) => addNodes(g, [node('a')]));
    doc.undo();
    doc.apply((g) => addNodes(g, [node('b')]));
    expect(doc.canRedo).toBe(false);
    doc.load(emptyGraph('other'));
    expect(doc.canUndo).toBe(false);
    expect(doc.graph.name).toBe('other');
  });

  it('round-trips 20 mixed edits back to the identical file text', () => {
    const doc = new GraphDoc(emptyGraph());
    const start = serializeGraph(doc.graph);
    const edits: ((g: Graph) => Graph)[] = [
      (g) => addNodes(g, [node('a')]),
      (g) => addNodes(g, [node('m', 'model.mlp')]),
      (g) => connect(g, 'a.dataset', 'm.dataset'),
      (g) => setParam(g, 'a', 'count', 123),
      (g) => moveNodes(g, new Map([['a', [10, 20]]])),
      (g) => setCollapsed(g, 'm', true),
      (g) => addNodes(g, [node('b')]),
      (g) => connect(g, 'b.dataset', 'm.dataset'), // replaces a → m
      (g) => setParam(g, 'b', 'shape', 'moons'),
      (g) => removeNodes(g, ['a']),
      (g) => setCollapsed(g, 'm', false),
      (g) => moveNodes(g, new Map([['m', [300, 40]]])),
      (g) => disconnect(g, g.edges),
      (g) => addNodes(g, [node('c', 'view.points')]),
      (g) => setParam(g, 'm', 'hidden', 64),
      (g) => connect(g, 'b.dataset', 'm.dataset'),
      (g) => setParam(g, 'b', 'count', 7),
      (g) =>
        moveNodes(
          g,
          new Map([
            ['b', [5, 5]],
            ['c', [600, 0]],
          ]),
        ),
      (g) => removeNodes(g, ['c']),
      (g) => setParam(g, 'm', 'activation', 'silu'),
    ];
    const after: string[] = [];
    for (const edit of edits) {
      expect(doc.apply(edit)).toBe(true);
      after.push(serializeGraph(doc.graph));
    }
    for (let i = edits.length - 1; i >= 0; i--) {
      expect(serializeGraph(doc.graph)).toBe(after[i]);
      doc.undo();
    }
    expect(serializeGraph(doc.graph)).toBe(start);
    while (doc.redo());
    expect(serializeGraph(doc.graph)).toBe(after.at(-1));
  });
});
