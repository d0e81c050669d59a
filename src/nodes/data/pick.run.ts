/** data.pick: the run body, loaded on the first run (see pick.ts). */
import type { RunOf } from '../define';
import type { declaration } from './pick';
import * as tf from '@tensorflow/tfjs';
import { uniformRng } from '../../score/random';

const run: RunOf<typeof declaration> = async (ctx) => {
  const { params, inputs } = ctx;
  const { dataset } = inputs;
  let indices: number[];
  if (params.shuffle) {
    const uniform = uniformRng(params.seed);
    const order = Array.from({ length: dataset.count }, (_, i) => i);
    for (let i = 0; i < params.count; i++) {
      const j = i + Math.floor(uniform() * (order.length - i));
      [order[i], order[j]] = [order[j], order[i]];
    }
    indices = order.slice(0, params.count);
  } else indices = Array.from({ length: params.count }, (_, i) => params.offset + i);
  const data = tf.tidy(() => tf.gather(dataset.data, tf.tensor1d(indices, 'int32')));
  return { batch: { kind: dataset.kind, data } };
};

export default run;
