/** sample.interpolate: the run body — one start per row, columns that share interpolated noise. */
import { makeAnnealedInterpolation } from '../../score/sampling';
import type { RunOf } from '../define';
import type { declaration } from './interpolate';
import { previewLimit, runSampler, startChains } from './sampler.run';

const run: RunOf<typeof declaration> = (ctx) => {
  const { params, inputs } = ctx;
  return runSampler(ctx, (kit) => {
    const rows = startChains(kit, params, inputs.dataset, params.rows);
    const interpolate = makeAnnealedInterpolation(kit.score, kit.sigmas, {
      ...kit.annealing,
      columns: params.columns,
    });
    return {
      made: [rows],
      sample: (hooks) => interpolate(rows, hooks),
      what: `${params.rows} paths`,
      caption: `${params.rows} paths × ${params.columns} points`,
      previewItems: Math.max(previewLimit(kit.shape), params.rows * params.columns),
    };
  });
};

export default run;
