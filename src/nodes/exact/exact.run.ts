/** score.exact: the run body, loaded on the first run (see exact.ts). */
import type { RunOf } from '../define';
import type { declaration } from './exact';
import { makeMixtureScoreModel } from '../../score/exact/mixture-score';
import { makeEmpiricalScoreModel } from '../../score/exact/empirical-score';

const run: RunOf<typeof declaration> = async (ctx) => {
  const { dataset, schedule } = ctx.inputs;
  const sigmas = schedule ? [...schedule.sigmas] : null;
  if (dataset.mixture) {
    return { model: makeMixtureScoreModel(dataset.mixture, dataset.shape, sigmas) };
  }
  return { model: makeEmpiricalScoreModel(dataset.data, sigmas) };
};

export default run;
