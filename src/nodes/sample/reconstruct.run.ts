/** sample.reconstruct: the run body, loaded on the first run (see reconstruct.ts). */
import {
  checkImagesFit,
  prepareSampling,
  previewFinal,
  previewLimit,
  reportingHooks,
  samplesValue,
} from './sampler.run';
import type { RunOf } from '../define';
import type { declaration } from './reconstruct';

const run: RunOf<typeof declaration> = async (ctx) => {
  const { params, inputs } = ctx;
  const kit = await prepareSampling(inputs.model, inputs.schedule, params, ctx.seed);
  const { sampling, sigmas, shape } = kit;
  const { images } = inputs;
  checkImagesFit(images.data, shape);
  if (params.level > sigmas.length)
    throw new Error(`Level ${params.level} does not exist: the schedule has ${sigmas.length} levels.`);
  const data = sampling.repeatEach(images.data, params.perImage);
  try {
    const reconstruct = sampling.makeReconstruction(kit.score, sigmas, {
      stepSize: kit.epsilon,
      stepsPerSigma: params.steps,
      rule: params.rule,
      denoise: params.denoise,
    });
    const previewItems = previewLimit(shape);
    const hooks = reportingHooks(ctx, kit, {
      steps: params.steps,
      fromLevel: params.level - 1,
      previewItems,
      recordTrajectory: params.trajectory,
      what: `reconstructing from level ${params.level}`,
    });
    const { x, trajectory } = await reconstruct(data, params.level, hooks);
    const sigma = sigmas[params.level - 1];
    await previewFinal(
      ctx,
      kit,
      x,
      previewItems,
      `from level ${params.level}/${sigmas.length} (σ ${sigma.toPrecision(3)})`,
    );
    return { samples: samplesValue(shape, x, params.trajectory ? trajectory : undefined) };
  } finally {
    data.dispose();
  }
};

export default run;
