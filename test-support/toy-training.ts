/**
 * The toy training pipeline the run tests share (unit and e2e): 2-D data → schedule → MLP → DSM
 * → Adam + EMA → train.fit, and a loss viewer `curve` when asked. Params override the defaults.
 */
import type { Graph, GraphNode, Json } from '../src/graph';

export interface ToyTrainingOptions {
  data?: Record<string, Json>;
  sched?: Record<string, Json>;
  net?: Record<string, Json>;
  train?: Record<string, Json>;
  curve?: boolean;
}

export function toyTrainingGraph(options: ToyTrainingOptions = {}): Graph {
  const nodes: GraphNode[] = [
    { id: 'data', type: 'data.toy2d', params: { count: 500, ...options.data }, position: [0, 0] },
    { id: 'sched', type: 'noise.geometric', params: { ...options.sched }, position: [0, 260] },
    { id: 'net', type: 'model.mlp', params: { ...options.net }, position: [0, 440] },
    { id: 'loss', type: 'loss.dsm', params: {}, position: [0, 700] },
    { id: 'adam', type: 'optim.adam', params: {}, position: [0, 820] },
    { id: 'train', type: 'train.fit', params: { logEvery: 10, ...options.train }, position: [340, 200] },
  ];
  const edges: [string, string][] = [
    ['data.dataset', 'train.dataset'],
    ['sched.schedule', 'train.schedule'],
    ['net.model', 'train.model'],
    ['loss.loss', 'train.loss'],
    ['adam.optimizer', 'train.optimizer'],
  ];
  if (options.curve) {
    nodes.push({ id: 'curve', type: 'view.loss', params: {}, position: [680, 200] });
    edges.push(['train.losses', 'curve.losses']);
  }
  return {
    format: 'scoregraph',
    version: 1,
    name: 'test',
    nodes,
    edges: edges.map(([from, to]) => ({ from, to })),
  };
}
