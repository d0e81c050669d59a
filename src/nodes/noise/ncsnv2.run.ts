/** noise.ncsnv2: the run body, loaded on the first run (see ncsnv2.ts). */
import { ncsnv2Schedule } from '../../score/schedule/levels';
import { describeSchedule } from './schedule-summary';
import type { RunOf } from '../define';
import type { declaration } from './ncsnv2';
import { maxPairwiseDistance } from '../../score/schedule/max-distance';

const run: RunOf<typeof declaration> = async (ctx) => {
  const { params, inputs } = ctx;
  const { dataset } = inputs;
  const dim = dataset.shape.reduce((a, b) => a * b, 1);
  let sigmaMax: number;
  if (params.sigmaMax === 'auto') {
    ctx.progress(0, `Technique 1: largest distance among ${dataset.count} items`);
    const { distance } = await maxPairwiseDistance(dataset.data, {
      onProgress: async (fraction) => {
        ctx.progress(0.95 * fraction, `Technique 1: largest distance among ${dataset.count} items`);
        await ctx.checkpoint();
      },
    });
    sigmaMax = distance;
  } else sigmaMax = params.sigmaMax;
  if (!(sigmaMax > params.sigmaMin))
    throw new Error(
      `σ max (${sigmaMax.toPrecision(4)}${params.sigmaMax === 'auto' ? ', the largest data distance' : ''}) must be larger than σ min (${params.sigmaMin}).`,
    );
  const { sigmas } = ncsnv2Schedule(sigmaMax, params.sigmaMin, dim, params.overlap);
  ctx.progress(1, describeSchedule(sigmas));
  return { schedule: { sigmas } };
};

export default run;
