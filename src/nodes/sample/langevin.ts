/** sample.langevin: annealed Langevin dynamics (NCSN Alg. 1 / NCSNv2), from noise or from data. */
import { integer } from '../../graph';
import { summarizeSamples } from './sampler-summary';
import { declareNode, defineNode, lazy } from '../define';
import { checkChainStart, samplesKind } from './sampler-checks';
import { initParams, samplerInputs, samplerParams, trajectoryParam } from './sampler-params';

export const declaration = declareNode({
  type: 'sample.langevin',
  title: 'Annealed Langevin sampler',
  category: 'Sample',
  doc: 'Draws samples by annealed Langevin dynamics: T noisy score steps at each level σ_1 > … > σ_L with α_i = ε σ_i²/σ_L², then optionally one denoising step. A one-level schedule gives plain Langevin dynamics.',
  inputs: {
    ...samplerInputs,
    dataset: { type: 'Dataset', optional: true, doc: 'Training data, only for init = data.' },
  },
  outputs: { samples: { type: 'Samples', doc: 'The samples (never clamped; viewers clamp for display).' } },
  params: {
    count: integer({ default: 64, min: 1, max: 20000, doc: 'How many samples (chains) to draw at once.' }),
    ...samplerParams,
    ...initParams,
    trajectory: trajectoryParam,
  },

  infer({ params, inputs }) {
    const shape = checkChainStart(params, inputs, 'chains');
    return { samples: { kind: samplesKind(shape), shape, count: params.count } };
  },

  summarize: ({ samples }, params) => summarizeSamples(samples, params),
});

export default defineNode({ ...declaration, run: lazy(() => import('./langevin.run')) });
