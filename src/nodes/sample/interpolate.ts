/** sample.interpolate: paths between samples by interpolating Langevin noise (NCSNv2 appendix). */
import { boolean, integer } from '../../graph';
import { summarizeSamples } from './sampler-summary';
import { declareNode, defineNode, lazy } from '../define';
import { checkChainStart, samplesKind } from './sampler-checks';
import { initParams, samplerInputs, samplerParams } from './sampler-params';

export const declaration = declareNode({
  type: 'sample.interpolate',
  title: 'Interpolation',
  category: 'Sample',
  doc: 'Each row shares one starting point; at every Langevin step column j uses the noise cos φ_j z_p + sin φ_j z_q (φ from 0 to π/2), so the first and last columns are two independent samples and the ones between interpolate (NCSNv2 anneal_Langevin_dynamics_interpolation).',
  inputs: {
    ...samplerInputs,
    dataset: { type: 'Dataset', optional: true, doc: 'Training data, only for init = data.' },
  },
  outputs: { samples: { type: 'Samples', doc: 'rows × columns samples, row by row.' } },
  params: {
    rows: integer({ default: 4, min: 1, max: 256, doc: 'Independent interpolation paths.' }),
    columns: integer({
      default: 8,
      min: 2,
      max: 64,
      doc: 'Points along each path (NCSNv2 n_interpolations: 8–15); set view.images columns to the same.',
    }),
    ...samplerParams,
    denoise: boolean({
      default: false,
      doc: 'Finish with x + σ_L² s(x, σ_L). The reference interpolation has no final denoise step.',
    }),
    ...initParams,
  },

  infer({ params, inputs }) {
    const shape = checkChainStart(params, inputs, 'paths');
    return { samples: { kind: samplesKind(shape), shape, count: params.rows * params.columns } };
  },

  summarize: ({ samples }, params) => summarizeSamples(samples, params),
});

export default defineNode({ ...declaration, run: lazy(() => import('./interpolate.run')) });
