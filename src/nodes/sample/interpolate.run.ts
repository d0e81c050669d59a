/** sample.interpolate: the run body, loaded on the first run (see interpolate.ts). */
import {
  prepareSampling,
  previewFinal,
  previewLimit,
  reportingHooks,
  samplesValue,
  startChains,
} from './sampler.run';
import type { RunOf } from '../define';
import type { declaration } from './interpolate';

const run: RunOf<typeof declaration> = async (ctx) => {
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
};

export default run;
