/** noise.ncsnv2: the schedule chosen from the data by NCSNv2 Techniques 1 and 2. */
import { number, numberOrAuto } from '../../graph';
import {
  DEFAULT_OVERLAP,
  RELEASED_CONFIG_OVERLAP,
  ncsnv2Schedule,
  solveRatio,
} from '../../score/schedule/levels';
import { declareNode, defineNode, lazy, InferError } from '../define';
import { sigmaMinParam } from './schedule-params';
import type { Meta } from '../sockets';
import { summarizeSchedule } from './schedule-summary';

const itemDimension = (dataset: Meta<'Dataset'>) => dataset.shape.reduce((a, b) => a * b, 1);

/** Technique 2's level count, or the reason it does not apply, as an InferError. */
function levelsFor(sigmaMax: number, sigmaMin: number, dim: number, overlap: number) {
  try {
    return ncsnv2Schedule(sigmaMax, sigmaMin, dim, overlap);
  } catch (error) {
    throw new InferError((error as Error).message, {
      param: dim < 10 ? undefined : 'overlap',
      socket: 'dataset',
    });
  }
}

export const declaration = declareNode({
  type: 'noise.ncsnv2',
  title: 'NCSNv2 noise schedule',
  category: 'Noise',
  doc:
    'A geometric schedule chosen from the data (Song & Ermon 2020). Technique 1: σ_1 = the largest ' +
    'Euclidean distance between two training items (measured exactly; 16.0 for the bundled MNIST at ' +
    '28 px), so the first level can move any point to any other. Technique 2: the ratio γ = σ_i/σ_(i+1) ' +
    'is chosen so that noise at level i lands in level i−1’s high-density shell with the given ' +
    'probability, Φ(√(2D)(γ−1) + 3γ) − Φ(√(2D)(γ−1) − 3γ) = overlap, and L = ⌈1 + ln(σ_1/σ_L)/ln γ⌉. ' +
    'Needs high-dimensional data (images); for 2-D toys use noise.geometric. Progress and the summary ' +
    'show σ_1, γ and L.',
  inputs: {
    dataset: { type: 'Dataset', doc: 'The training data (its dimension sets γ; Technique 1 reads it).' },
  },
  outputs: { schedule: { type: 'Schedule', doc: 'The noise levels, largest first.' } },
  params: {
    sigmaMax: numberOrAuto({
      default: 'auto',
      min: 1e-4,
      max: 1e4,
      log: true,
      label: 'σ max',
      doc: 'σ_1, the largest noise level, in data units.',
      autoDoc:
        'Technique 1: the exact largest distance between two training items (blocked matrix products; a few seconds for 10,000 MNIST digits).',
    }),
    sigmaMin: sigmaMinParam,
    overlap: number({
      default: DEFAULT_OVERLAP,
      min: 0.05,
      max: 0.95,
      step: 0.001,
      doc:
        `Technique 2’s target shell overlap. The paper says ≈ 0.5 (CIFAR-10, σ 50 → 0.01: L = 220); the released ` +
        `configs correspond to ≈ 0.567 (${RELEASED_CONFIG_OVERLAP} reproduces their L = 232 for CIFAR-10). ` +
        'Higher means more levels — slower sampling, safer hand-over between levels.',
    }),
  },

  infer({ params, inputs }) {
    const dataset = inputs.dataset;
    if (!dataset) return { schedule: { levels: null } };
    const dim = itemDimension(dataset);
    if (params.sigmaMax === 'auto') {
      try {
        solveRatio(dim, params.overlap); // fail early when Technique 2 cannot apply
      } catch (error) {
        throw new InferError((error as Error).message, { socket: 'dataset' });
      }
      return { schedule: { levels: null } };
    }
    if (!(params.sigmaMax > params.sigmaMin))
      throw new InferError(`σ min (${params.sigmaMin}) must be smaller than σ max (${params.sigmaMax}).`, {
        param: 'sigmaMin',
      });
    return { schedule: { levels: levelsFor(params.sigmaMax, params.sigmaMin, dim, params.overlap).levels } };
  },

  summarize: ({ schedule }, params) => ({
    ...summarizeSchedule(schedule),
    sigmaMaxFrom: params.sigmaMax === 'auto' ? 'Technique 1 (largest data distance)' : 'param',
    overlapTarget: params.overlap,
  }),
});

export default defineNode({ ...declaration, run: lazy(() => import('./ncsnv2.run')) });
