/** The swiss-roll pipeline, used until (or unless) graphs/toy-swissroll.json is bundled. */
import type { Graph } from '../../graph';

export const DEFAULT_GRAPH: Graph = {
  format: 'scoregraph',
  version: 1,
  name: 'Swiss roll (toy 2-D)',
  description:
    'Trains a small score network on a 2-D swiss roll by denoising score matching and samples it by annealed Langevin dynamics.',
  nodes: [
    { id: 'data', type: 'data.toy2d', params: { shape: 'swissroll' }, position: [0, 0] },
    { id: 'sigmas', type: 'noise.geometric', params: {}, position: [0, 300] },
    { id: 'net', type: 'model.mlp', params: {}, position: [320, -40] },
    { id: 'loss', type: 'loss.dsm', params: {}, position: [320, 260] },
    { id: 'adam', type: 'optim.adam', params: {}, position: [320, 420] },
    { id: 'train', type: 'train.fit', params: {}, position: [660, 80] },
    { id: 'sample', type: 'sample.langevin', params: {}, position: [1000, 80] },
    { id: 'scatter', type: 'view.points', params: {}, position: [1340, 40] },
    { id: 'curve', type: 'view.loss', params: {}, position: [1000, 420] },
  ],
  edges: [
    { from: 'data.dataset', to: 'net.dataset' },
    { from: 'sigmas.schedule', to: 'loss.schedule' },
    { from: 'data.dataset', to: 'train.dataset' },
    { from: 'net.model', to: 'train.model' },
    { from: 'loss.loss', to: 'train.loss' },
    { from: 'adam.optimizer', to: 'train.optimizer' },
    { from: 'train.model', to: 'sample.model' },
    { from: 'sigmas.schedule', to: 'sample.schedule' },
    { from: 'sample.samples', to: 'scatter.samples' },
    { from: 'data.dataset', to: 'scatter.data' },
    { from: 'train.losses', to: 'curve.losses' },
  ],
};
