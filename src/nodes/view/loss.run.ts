/** view.loss: the run body, loaded on the first run (see loss.ts). */
import { lossDisplay } from '../train/loss-display';
import type { RunOf } from '../define';
import type { declaration } from './loss';

const run: RunOf<typeof declaration> = async ({ params, inputs, preview }) => {
  preview(lossDisplay(inputs.losses, params.perLevel));
  return {};
};

export default run;
