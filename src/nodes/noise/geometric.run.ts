/** noise.geometric: the run body, loaded on the first run (see geometric.ts). */
import { geometricSigmas } from '../../score/schedule/geometric';
import { describeSchedule } from './schedule-summary';
import type { RunOf } from '../define';
import type { declaration } from './geometric';

const run: RunOf<typeof declaration> = async (ctx) => {
  const { sigmaMax, sigmaMin, levels } = ctx.params;
  const sigmas = geometricSigmas(sigmaMax, sigmaMin, levels);
  ctx.progress(1, describeSchedule(sigmas));
  return { schedule: { sigmas } };
};

export default run;
