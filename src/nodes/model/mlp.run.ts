/** model.mlp: the run body, loaded on the first run (see mlp.ts). */
import type { NetworkSpec } from '../../score/values';
import type { RunOf } from '../define';
import type { declaration } from './mlp';

const run: RunOf<typeof declaration> = async ({ params, seed }) => {
  const spec: NetworkSpec = { ready: false, kind: 'mlp', config: { ...params }, seed, dispose() {} };
  return { model: spec };
};

export default run;
