import { describe, expect, it } from 'vitest';
import type { Graph } from '../../graph';
import { emptyGraph } from './empty-graph';
import { addNodes, connect } from './graph-ops';
import { registry } from '../../nodes/registry';
import { matchingSockets, wireProblem } from './wire-check';

const graph: Graph = connect(
  addNodes(emptyGraph(), [
    { id: 'data', type: 'data.toy2d', params: {} },
    { id: 'net', type: 'model.mlp', params: {} },
    { id: 'fit', type: 'train.fit', params: {} },
    { id: 'fit2', type: 'train.fit', params: {} },
  ]),
  'fit.model',
  'fit2.model',
);

const end = (nodeId: string, socket: string) => ({ nodeId, socket });

describe('wire checks', () => {
  it('accepts a wire between matching types', () => {
    expect(wireProblem(graph, registry, end('data', 'dataset'), end('fit', 'dataset'))).toBeNull();
  });

  it('refuses a wrong type, naming both types', () => {
    expect(wireProblem(graph, registry, end('data', 'dataset'), end('fit', 'model'))).toBe(
      'Wrong type: "model" takes a Model, not a Dataset.',
    );
  });

  it('refuses a wire that would close a loop, naming the nodes', () => {
    const problem = wireProblem(graph, registry, end('fit2', 'model'), end('fit', 'model'));
    expect(problem).toContain('loop');
    expect(problem).toContain('fit2 → fit → fit2');
    expect(wireProblem(graph, registry, end('fit', 'model'), end('fit', 'model'))).toBe(
      'A node cannot feed itself.',
    );
  });

  it('refuses unknown sockets', () => {
    expect(wireProblem(graph, registry, end('data', 'nope'), end('fit', 'dataset'))).toContain(
      'no output "nope"',
    );
  });

  it('lists the sockets of a kind that fit a wire', () => {
    const fit = registry.get('train.fit')!;
    expect(matchingSockets(fit, 'input', 'Model')).toEqual(['model']);
    expect(matchingSockets(fit, 'output', 'Losses')).toEqual(['losses']);
    expect(matchingSockets(fit, 'input', 'Samples')).toEqual([]);
  });
});
