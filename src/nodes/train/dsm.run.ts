/** loss.dsm: the run body, loaded on the first run (see dsm.ts). */
import type { RunOf } from '../define';
import type { declaration } from './dsm';

const run: RunOf<typeof declaration> = async ({ params }) => {
  return { loss: { kind: 'dsm' as const, sigmaPer: params.sigmaPer } };
};

export default run;
