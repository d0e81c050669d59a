/** sample.interpolate: paths between samples by interpolating Langevin noise (NCSNv2 appendix). */
import { boolean, integer } from '../../graph';
import { defineNode } from '../define';
import { checkChainStart, samplesKind } from './sampler-checks';
import { initParams, samplerParams } from './sampler-params';
import {
  prepareSampling,
  previewFinal,
  previewLimit,
  reportingHooks,
  samplesValue,
  startChains,
} from './sampler-run';

export default defineNode({
  type: 'sample.interpolate',
  title: 'Interpolation',
  category: 'Sample',
  doc: 'Each row shares one starting point; at every Langevin step column j uses the noise cos φ_j z_p + sin φ_j z_q (φ from 0 to π/2), so the first and last columns are two independent samples and the ones between interpolate (NCSNv2 anneal_Langevin_dynamics_interpolation).',
  inputs: {
    model: { type: 'Model', doc: 'A trained or exact score model.' },
    schedule: { type: 'Schedule', doc: 'The noise levels, largest first.' },
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

  async run(ctx) {
    const { params, inputs } = ctx;
    const kit = await prepareSampling(inputs.model, inputs.schedule, params, ctx.seed);
    const { sampling, sigmas, shape } = kit;
    const rows = startChains(kit, params, inputs.dataset, params.rows, 'paths');
    try {
      const interpolate = sampling.makeAnnealedInterpolation(kit.score, sigmas, {
        stepSize: kit.epsilon,
        stepsPerSigma: params.steps,
        columns: params.columns,
        rule: params.rule,
        denoise: params.denoise,
      });
      const count = params.rows * params.columns;
      const previewItems = Math.max(previewLimit(shape), count);
      const hooks = reportingHooks(ctx, kit, {
        steps: params.steps,
        previewItems,
        what: `${params.rows} paths`,
      });
      const { x } = await interpolate(rows, hooks);
      await previewFinal(ctx, kit, x, previewItems, `${params.rows} paths × ${params.columns} points`);
      return { samples: samplesValue(shape, x) };
    } finally {
      rows.dispose();
    }
  },
});
