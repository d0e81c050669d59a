/** sample.reconstruct: the run body — perImage copies of each input, annealed back from level k. */
import { makeReconstruction, repeatEach } from '../../score/sampling';
import type { RunOf } from '../define';
import type { declaration } from './reconstruct';
import { runSampler } from './sampler.run';

const run: RunOf<typeof declaration> = (ctx) => {
  const { params, inputs } = ctx;
  const { images } = inputs;
  return runSampler(ctx, (kit) => {
    const L = kit.sigmas.length;
    const data = repeatEach(images.data, params.perImage);
    const reconstruct = makeReconstruction(kit.score, kit.sigmas, kit.annealing);
    const sigma = kit.sigmas[params.level - 1];
    return {
      made: [data],
      sample: (hooks) => reconstruct(data, params.level, hooks),
      what: `reconstructing from level ${params.level}`,
      caption: `from level ${params.level}/${L} (σ ${sigma.toPrecision(3)})`,
      fromLevel: params.level - 1,
    };
  });
};

export default run;
