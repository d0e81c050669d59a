/** sample.inpaint: the run body — perImage chains per image, the known pixels written in. */
import { makeAnnealedInpainting, repeatEach } from '../../score/sampling';
import type { RunOf } from '../define';
import type { declaration } from './inpaint';
import { runSampler, startChains } from './sampler.run';

const run: RunOf<typeof declaration> = (ctx) => {
  const { params, inputs } = ctx;
  const { images, mask } = inputs;
  return runSampler(ctx, (kit) => {
    const count = images.data.shape[0] * params.perImage;
    const known = repeatEach(images.data, params.perImage);
    const x0 = startChains(kit, { init: 'uniform', initRange: params.initRange }, undefined, count);
    const inpaint = makeAnnealedInpainting(kit.score, kit.sigmas, {
      ...kit.annealing,
      renoise: params.renoise,
    });
    return {
      made: [known, x0],
      sample: (hooks) => inpaint(known, mask.data, x0, hooks),
      what: `inpainting ${count}`,
      caption: `${images.data.shape[0]} images × ${params.perImage} completions`,
    };
  });
};

export default run;
