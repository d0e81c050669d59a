/** sample.langevin: the run body, loaded on the first run (see langevin.ts). */
import {
  prepareSampling,
  previewFinal,
  previewLimit,
  reportingHooks,
  samplesValue,
  startChains,
} from './sampler.run';
import type { RunOf } from '../define';
import type { declaration } from './langevin';

const run: RunOf<typeof declaration> = async (ctx) => {
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
};

export default run;
