/**
 * Declaration-only node kinds shaped like the swiss-roll pipeline, for the editor's unit tests
 * (and a dev page): every param kind appears once. run() is never called here.
 */
import {
  boolean,
  choice,
  components,
  digits,
  images,
  integer,
  number,
  numberOrAuto,
  range,
  text,
} from '../../graph';
import { defineNode, InferError, type AnyNodeKind } from '../../nodes/define';
import { NodeRegistry } from '../../nodes/registry';

const never = async (): Promise<never> => {
  throw new Error('test kinds do not run');
};

const toy = defineNode({
  type: 'data.toy2d',
  title: 'Toy 2-D data',
  category: 'Data',
  doc: 'Points from a 2-D toy distribution (swiss roll, eight gaussians, moons).',
  inputs: {},
  outputs: { dataset: { type: 'Dataset' } },
  params: {
    shape: choice({
      default: 'swissroll',
      options: ['swissroll', 'gaussians', 'moons'],
      optionDocs: { swissroll: 'A rolled ribbon.', gaussians: 'Eight blobs on a circle.' },
      warnings: { moons: 'Two thin crescents: hard at low noise.' },
      doc: 'Which toy distribution.',
    }),
    count: integer({ default: 2000, min: 10, max: 100000, doc: 'How many points.' }),
    seed: integer({ default: 1, min: 1, max: 1e9, doc: 'Random seed.' }),
  },
  infer: ({ params }) => ({ dataset: { kind: 'points' as const, shape: [2], count: params.count } }),
  run: never,
});

const mnist = defineNode({
  type: 'data.mnist',
  title: 'MNIST digits',
  category: 'Data',
  doc: 'Bundled MNIST digits, filtered and resized.',
  inputs: {},
  outputs: { dataset: { type: 'Dataset' } },
  params: {
    digits: digits({ default: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], doc: 'Which digits to keep.' }),
    size: choice({ default: '28', options: ['28', '14', '7'], doc: 'Side in pixels.' }),
    note: text({ default: '', maxLength: 40, doc: 'A note.' }),
  },
  infer: ({ params }) => ({
    dataset: { kind: 'images' as const, shape: [+params.size, +params.size, 1], count: 60000 },
  }),
  run: never,
});

const mixture = defineNode({
  type: 'data.mixture',
  title: 'Gaussian mixture',
  category: 'Data',
  doc: 'Points from a mixture of isotropic Gaussians.',
  inputs: {},
  outputs: { dataset: { type: 'Dataset' } },
  params: {
    components: components({
      default: [
        { mean: [0.2, 0.2], std: 0.05, weight: 0.8 },
        { mean: [0.8, 0.8], std: 0.05, weight: 0.2 },
      ],
      dims: 2,
      maxItems: 8,
      doc: 'The components.',
    }),
  },
  infer: () => ({ dataset: { kind: 'points' as const, shape: [2], count: 1000 } }),
  run: never,
});

const userImages = defineNode({
  type: 'data.images',
  title: 'Your images',
  category: 'Data',
  doc: 'PNG or JPEG images you drop on the node.',
  inputs: {},
  outputs: { dataset: { type: 'Dataset' } },
  params: { images: images({ default: [], maxItems: 16, doc: 'Drop images here.' }) },
  infer: () => ({ dataset: { kind: 'images' as const, shape: [28, 28, 1], count: 1 } }),
  run: never,
});

const geometric = defineNode({
  type: 'noise.geometric',
  title: 'Geometric noise schedule',
  category: 'Noise',
  doc: 'sigma_1 > … > sigma_L spaced evenly in log scale.',
  inputs: {},
  outputs: { schedule: { type: 'Schedule' } },
  params: {
    sigmaMax: number({ default: 1, min: 1e-4, max: 1e4, log: true, doc: 'Largest noise level.' }),
    sigmaMin: number({ default: 0.01, min: 1e-5, max: 1e3, log: true, doc: 'Smallest noise level.' }),
    levels: integer({ default: 10, min: 1, max: 10000, doc: 'How many levels.' }),
  },
  infer: ({ params }) => ({ schedule: { levels: params.levels } }),
  run: never,
});

const mlp = defineNode({
  type: 'model.mlp',
  title: 'MLP score network',
  category: 'Model',
  doc: 'A small fully connected score network for points.',
  inputs: { dataset: { type: 'Dataset' } },
  outputs: { model: { type: 'Model' } },
  params: {
    hidden: integer({ default: 128, min: 8, max: 4096, doc: 'Units per hidden layer.' }),
    activation: choice({ default: 'elu', options: ['elu', 'silu'], doc: 'Nonlinearity.' }),
  },
  infer: ({ inputs }) => ({
    model: { ready: false, kind: 'mlp', shape: inputs.dataset?.shape ?? null, levels: null },
  }),
  run: never,
});

const dsm = defineNode({
  type: 'loss.dsm',
  title: 'Denoising score matching',
  category: 'Train',
  doc: 'The DSM loss with lambda(sigma) = sigma^2.',
  inputs: { schedule: { type: 'Schedule' } },
  outputs: { loss: { type: 'Loss' } },
  params: { perSample: boolean({ default: false, doc: 'Draw sigma per sample.' }) },
  infer: () => ({ loss: {} }),
  run: never,
});

const adam = defineNode({
  type: 'optim.adam',
  title: 'Adam + EMA',
  category: 'Train',
  doc: 'Adam with an exponential moving average of the weights.',
  inputs: {},
  outputs: { optimizer: { type: 'Optimizer' } },
  params: {
    lr: number({ default: 1e-3, min: 1e-6, max: 1, log: true, doc: 'Learning rate.' }),
    ema: number({ default: 0.999, min: 0, max: 0.99999, step: 0.001, doc: 'EMA momentum.' }),
  },
  infer: () => ({ optimizer: {} }),
  run: never,
});

const fit = defineNode({
  type: 'train.fit',
  title: 'Train',
  category: 'Train',
  doc: 'Trains a score network by DSM.',
  inputs: {
    dataset: { type: 'Dataset' },
    model: { type: 'Model' },
    loss: { type: 'Loss' },
    optimizer: { type: 'Optimizer' },
  },
  outputs: { model: { type: 'Model' }, losses: { type: 'Losses' } },
  params: {
    steps: integer({ default: 2000, min: 1, max: 1e6, doc: 'Training steps.' }),
    batch: integer({ default: 128, min: 1, max: 4096, doc: 'Batch size.' }),
  },
  infer: ({ inputs }) => ({ model: { ...inputs.model!, ready: true }, losses: {} }),
  run: never,
});

const langevin = defineNode({
  type: 'sample.langevin',
  title: 'Annealed Langevin',
  category: 'Sample',
  doc: 'Annealed Langevin dynamics over the noise levels.',
  inputs: { model: { type: 'Model' }, schedule: { type: 'Schedule' } },
  outputs: { samples: { type: 'Samples' } },
  params: {
    count: integer({ default: 500, min: 1, max: 10000, doc: 'How many samples.' }),
    steps: integer({ default: 100, min: 1, max: 10000, doc: 'Steps per level.' }),
    stepSize: numberOrAuto({
      default: 'auto',
      min: 1e-9,
      max: 1,
      log: true,
      doc: 'Step size.',
      autoDoc: 'Technique 4.',
    }),
    initRange: range({ default: [0, 1], min: -10, max: 10, doc: 'Uniform init range.' }),
  },
  infer: ({ inputs, params }) => {
    if (inputs.model && !inputs.model.ready) throw new InferError('The model is not trained yet.');
    return { samples: { kind: 'points' as const, shape: [2], count: params.count } };
  },
  run: never,
});

const points = defineNode({
  type: 'view.points',
  title: 'Scatter',
  category: 'View',
  doc: 'Shows 2-D samples.',
  view: true,
  inputs: { samples: { type: 'Samples' }, dataset: { type: 'Dataset', optional: true } },
  outputs: {},
  params: {},
  infer: () => ({}),
  run: never,
});

const lossView = defineNode({
  type: 'view.loss',
  title: 'Loss curve',
  category: 'View',
  doc: 'Shows the training loss.',
  view: true,
  inputs: { losses: { type: 'Losses' } },
  outputs: {},
  params: {},
  infer: () => ({}),
  run: never,
});

export const TEST_KINDS: readonly AnyNodeKind[] = [
  toy,
  mnist,
  mixture,
  userImages,
  geometric,
  mlp,
  dsm,
  adam,
  fit,
  langevin,
  points,
  lossView,
];

export const testRegistry = new NodeRegistry(TEST_KINDS);
