/** sample.langevin: annealed Langevin dynamics (NCSN Alg. 1 / NCSNv2), from noise or from data. */
import { integer } from '../../graph';
import { defineNode } from '../define';
import { checkChainStart, samplesKind } from './sampler-checks';
import { initParams, samplerParams, trajectoryParam } from './sampler-params';
import {
  prepareSampling,
  previewFinal,
  previewLimit,
  reportingHooks,
  samplesValue,
  startChains,
} from './sampler-run';

export default defineNode({
  type: 'sample.langevin',
  title: 'Annealed Langevin sampler',
  category: 'Sample',
  doc: 'Draws samples by annealed Langevin dynamics: T noisy score steps at each level σ_1 > … > σ_L with α_i = ε σ_i²/σ_L², then optionally one denoising step. A one-level schedule gives plain Langevin dynamics.',
  inputs: {
    model: { type: 'Model', doc: 'A trained or exact score model (from train.fit or score.exact).' },
    schedule: { type: 'Schedule', doc: 'The noise levels to anneal through, largest first.' },
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

  async run(ctx) {
    const { params, inputs } = ctx;
    const kit = await prepareSampling(inputs.model, inputs.schedule, params, ctx.seed);
    const { sampling, sigmas, shape } = kit;
    const previewItems = previewLimit(shape);
    const x0 = startChains(kit, params, inputs.dataset, params.count, 'chains');
    try {
      const sample = sampling.makeAnnealedLangevin(kit.score, sigmas, {
        stepSize: kit.epsilon,
        stepsPerSigma: params.steps,
        rule: params.rule,
        denoise: params.denoise,
      });
      const hooks = reportingHooks(ctx, kit, {
        steps: params.steps,
        previewItems,
        recordTrajectory: params.trajectory,
        what: `${params.count} samples`,
      });
      const { x, trajectory } = await sample(x0, hooks);
      await previewFinal(
        ctx,
        kit,
        x,
        previewItems,
        `${params.count} samples · ${sigmas.length} levels × ${params.steps} steps · ε ${kit.epsilon.toExponential(2)}`,
      );
      return { samples: samplesValue(shape, x, params.trajectory ? trajectory : undefined) };
    } finally {
      x0.dispose();
    }
  },

  summarize({ samples }, params) {
    return {
      count: samples.data.shape[0],
      shape: samples.data.shape.slice(1),
      steps: params.steps,
      stepSize: params.stepSize,
    };
  },
});
