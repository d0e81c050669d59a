/** data.toy2d: classic 2-D toy distributions, seeded, inside the unit square. */
import { choice, integer, number } from '../../graph';
import { declareNode, defineNode, lazy } from '../define';
import { summarizeDataset } from './dataset-summary';

const shapeParam = choice({
  default: 'swissroll',
  options: ['swissroll', '8gaussians', 'moons', 'checkerboard', 'rings'] as const,
  doc: 'Which distribution.',
  optionDocs: {
    swissroll: 'A spiral arm winding out from radius 1/3 to 1 (of the 0.4 half-width) over 1.5 turns.',
    '8gaussians': 'Eight modes evenly on a circle; their spread is the noise param.',
    moons: 'Two interleaved half circles (scikit-learn’s make_moons).',
    checkerboard: 'Uniform points on the 8 dark squares of a 4×4 board: sharp edges, many modes.',
    rings: 'Four concentric circles, points spread evenly along their length.',
  },
});

export const declaration = declareNode({
  type: 'data.toy2d',
  title: '2-D toy data',
  category: 'Data',
  doc:
    'Points of a classic 2-D toy distribution, for seeing scores and samplers at work. Every shape is ' +
    'drawn inside the unit square [0, 1]² (within [0.1, 0.9]² before noise, centred on (0.5, 0.5)), the ' +
    'same units as image pixels, so a geometric schedule from σ ≈ 1 down to 0.01 and the samplers’ ' +
    'default uniform start U[0, 1] fit it. Technique 2 (noise.ncsnv2) does not apply in 2-D: use ' +
    'noise.geometric with a hand-picked number of levels. The points depend only on the seed.',
  inputs: {},
  outputs: { dataset: { type: 'Dataset', doc: 'Points [count, 2] in about [0, 1]².' } },
  params: {
    shape: shapeParam,
    count: integer({ default: 2000, min: 2, max: 100000, doc: 'How many points.' }),
    noise: number({
      default: 0.02,
      min: 0,
      max: 0.5,
      step: 0.005,
      doc: 'Std of the Gaussian jitter added to every point, in the same units (the square is 1 wide).',
    }),
    seed: integer({
      default: 1,
      min: 1,
      max: 2147483646,
      doc: 'Change it for a different draw of the same shape.',
    }),
  },

  infer: ({ params }) => ({ dataset: { kind: 'points' as const, shape: [2], count: params.count } }),

  summarize: ({ dataset }) => summarizeDataset(dataset),
});

export default defineNode({ ...declaration, run: lazy(() => import('./toy2d.run')) });
