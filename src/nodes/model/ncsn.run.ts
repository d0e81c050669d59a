/** model.ncsn: the run body, loaded on the first run (see ncsn.ts). */
import type { NetworkSpec } from '../../score/values';
import type { RunOf } from '../define';
import type { declaration } from './ncsn';

const run: RunOf<typeof declaration> = async ({ params, seed }) => {
  const spec: NetworkSpec = { ready: false, kind: 'ncsn', config: { ...params }, seed, dispose() {} };
  return { model: spec };
};

export default run;
