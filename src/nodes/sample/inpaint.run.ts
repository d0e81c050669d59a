/** sample.inpaint: the run body, loaded on the first run (see inpaint.ts). */
import {
  checkImagesFit,
  prepareSampling,
  previewFinal,
  previewLimit,
  reportingHooks,
  samplesValue,
} from './sampler.run';
import type { RunOf } from '../define';
import type { declaration } from './inpaint';

const run: RunOf<typeof declaration> = async (ctx) => {
  const { params, inputs } = ctx;
  const kit = await prepareSampling(inputs.model, inputs.schedule, params, ctx.seed);
  const { sampling, sigmas, shape } = kit;
  const { images, mask } = inputs;
  checkImagesFit(images.data, shape);
  const count = images.data.shape[0] * params.perImage;
  const known = sampling.repeatEach(images.data, params.perImage);
  const x0 = sampling.initialSamples({
    init: 'uniform',
    count,
    shape,
    range: params.initRange,
    sigmaMax: sigmas[0],
    seed: sampling.mixSeeds(kit.seed, 1),
  });
  try {
    const inpaint = sampling.makeAnnealedInpainting(kit.score, sigmas, {
      stepSize: kit.epsilon,
      stepsPerSigma: params.steps,
      rule: params.rule,
      renoise: params.renoise,
      denoise: params.denoise,
    });
    const previewItems = previewLimit(shape);
    const hooks = reportingHooks(ctx, kit, {
      steps: params.steps,
      previewItems,
      recordTrajectory: params.trajectory,
      what: `inpainting ${count}`,
    });
    const { x, trajectory } = await inpaint(known, mask.data, x0, hooks);
    await previewFinal(
      ctx,
      kit,
      x,
      previewItems,
      `${images.data.shape[0]} images × ${params.perImage} completions`,
    );
    return { samples: samplesValue(shape, x, params.trajectory ? trajectory : undefined) };
  } finally {
    known.dispose();
    x0.dispose();
  }
};

export default run;
