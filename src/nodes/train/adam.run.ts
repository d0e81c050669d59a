/** optim.adam: the run body, loaded on the first run (see adam.ts). */
import type { RunOf } from '../define';
import type { declaration } from './adam';

const run: RunOf<typeof declaration> = async ({ params }) => {
  return { optimizer: { kind: 'adam' as const, ...params } };
};

export default run;
