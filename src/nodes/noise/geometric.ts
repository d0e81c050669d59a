/** noise.geometric: a hand-picked geometric schedule σ_1 > … > σ_L (NCSN's choice). */
import { integer, number } from '../../graph';
import { declareNode, defineNode, lazy, InferError } from '../define';
import { sigmaMinParam } from './schedule-params';
import { summarizeSchedule } from './schedule-summary';

export const declaration = declareNode({
  type: 'noise.geometric',
  title: 'Geometric noise schedule',
  category: 'Noise',
  doc:
    'Noise levels σ_1 > σ_2 > … > σ_L evenly spaced in log scale, σ_i = σ_1 γ^−(i−1), largest first ' +
    '(level 0 is the largest, as in both official codebases). NCSN used σ 1 → 0.01 with L = 10 for ' +
    '28–32 px images; NCSNv2 showed that is far too few levels in high dimensions — use noise.ncsnv2 ' +
    'to choose σ_1 and L from the data. For 2-D toys, pick them by hand (e.g. 20 → 1, L = 10 for the ' +
    'NCSN two-mode mixture). All σ are in data units (image pixels in [0, 1]).',
  inputs: {},
  outputs: { schedule: { type: 'Schedule', doc: 'The noise levels, largest first.' } },
  params: {
    sigmaMax: number({
      default: 1,
      min: 1e-4,
      max: 1e4,
      log: true,
      label: 'σ max',
      doc: 'σ_1, the largest noise level. NCSNv2 Technique 1: about the largest distance between two data points.',
    }),
    sigmaMin: sigmaMinParam,
    levels: integer({
      default: 10,
      min: 1,
      max: 10000,
      label: 'levels L',
      doc: 'How many noise levels. One level gives plain (non-annealed) Langevin at σ max.',
    }),
  },

  infer({ params }) {
    if (params.levels > 1 && !(params.sigmaMax > params.sigmaMin))
      throw new InferError(`σ min (${params.sigmaMin}) must be smaller than σ max (${params.sigmaMax}).`, {
        param: 'sigmaMin',
      });
    return { schedule: { levels: params.levels } };
  },

  summarize: ({ schedule }) => summarizeSchedule(schedule),
});

export default defineNode({ ...declaration, run: lazy(() => import('./geometric.run')) });
