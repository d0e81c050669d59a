/** sample.langevin: the run body — chains from `init`, moved by annealed Langevin dynamics. */
import { makeAnnealedLangevin } from '../../score/sampling';
import type { RunOf } from '../define';
import type { declaration } from './langevin';
import { runSampler, startChains } from './sampler.run';

const run: RunOf<typeof declaration> = (ctx) => {
  const { params, inputs } = ctx;
  return runSampler(ctx, (kit) => {
    const x0 = startChains(kit, params, inputs.dataset, params.count);
    const sample = makeAnnealedLangevin(kit.score, kit.sigmas, kit.annealing);
    const eps = kit.annealing.stepSize.toExponential(2);
    return {
      made: [x0],
      sample: (hooks) => sample(x0, hooks),
      what: `${params.count} samples`,
      caption: `${params.count} samples · ${kit.sigmas.length} levels × ${params.steps} steps · ε ${eps}`,
    };
  });
};

export default run;
