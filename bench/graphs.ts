/**
 * The bench graphs, built from the same node kinds a user wires in the editor: a dataset, a
 * geometric schedule, a network, DSM, Adam + EMA, train.fit and (optionally) sample.langevin.
 */
import type { Graph, GraphEdge, GraphNode, Json } from '../src/graph';
import type { SampleCase, TrainCase } from './cases';

export const TRAIN_NODE = 'fit';
export const SAMPLE_NODE = 'sample';
/** A 10-level geometric schedule from 1 to 0.01 (data in the unit square / pixels in [0, 1]). */
export const benchSigmas = (levels = 10) =>
  Array.from({ length: levels }, (_, i) => (levels === 1 ? 1 : Math.pow(0.01, i / (levels - 1))));

const node = (id: string, type: string, params: Record<string, Json>): GraphNode => ({ id, type, params });

export function trainGraph(
  c: TrainCase,
  options: { seed?: number; sample?: SampleCase; samplerSeed?: number } = {},
): Graph {
  const levels = options.sample?.levels ?? 10;
  const data =
    c.net.kind === 'mlp'
      ? node('data', 'data.toy2d', { shape: 'swissroll', count: c.count })
      : node('data', 'data.mnist', { size: c.net.conv.size, count: c.count });
  const model =
    c.net.kind === 'mlp'
      ? node('net', 'model.mlp', { width: c.net.mlp.width, depth: c.net.mlp.depth })
      : node('net', 'model.ncsn', {
          ngf: c.net.conv.ngf,
          norm: 'instance++',
          conditioning: 'divide-by-sigma',
        });
  const nodes: GraphNode[] = [
    data,
    node('sched', 'noise.geometric', { sigmaMax: 1, sigmaMin: 0.01, levels }),
    model,
    node('loss', 'loss.dsm', { sigmaPer: 'step' }),
    node('opt', 'optim.adam', { learningRate: 1e-3, ema: 0.999, emaBiasCorrection: false }),
    node(TRAIN_NODE, 'train.fit', {
      steps: c.steps,
      batchSize: c.batch,
      logEvery: c.logEvery,
      seed: options.seed ?? 1,
    }),
  ];
  const edges: GraphEdge[] = [
    { from: 'data.dataset', to: `${TRAIN_NODE}.dataset` },
    { from: 'sched.schedule', to: `${TRAIN_NODE}.schedule` },
    { from: 'net.model', to: `${TRAIN_NODE}.model` },
    { from: 'loss.loss', to: `${TRAIN_NODE}.loss` },
    { from: 'opt.optimizer', to: `${TRAIN_NODE}.optimizer` },
  ];
  if (options.sample) {
    nodes.push(
      node(SAMPLE_NODE, 'sample.langevin', {
        count: options.sample.count,
        steps: options.sample.stepsPerSigma,
        stepSize: 2e-5,
        seed: options.samplerSeed ?? 1,
      }),
    );
    edges.push(
      { from: `${TRAIN_NODE}.model`, to: `${SAMPLE_NODE}.model` },
      { from: 'sched.schedule', to: `${SAMPLE_NODE}.schedule` },
    );
  }
  return { format: 'scoregraph', version: 1, name: `bench ${c.id}`, nodes, edges };
}
