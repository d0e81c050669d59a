/**
 * The library's own training loop (src/score/train) on a bench case, without the runtime: what
 * train.fit runs inside, so graph vs library isolates the runtime and library vs hand-written
 * isolates the library.
 */
import type * as tf from '@tensorflow/tfjs';
import { buildNetwork } from '../../src/score/networks/build';
import { train } from '../../src/score/train';
import { itemShape } from '../baseline/nets';
import type { TrainCase } from '../cases';
import { benchSigmas } from '../graphs';

export function libraryConfig(c: TrainCase) {
  return c.net.kind === 'mlp'
    ? { kind: 'mlp', config: { width: c.net.mlp.width, depth: c.net.mlp.depth } }
    : { kind: 'ncsn', config: { ngf: c.net.conv.ngf, norm: 'instance++', conditioning: 'divide-by-sigma' } };
}

export async function trainWithLibrary(
  c: TrainCase,
  data: tf.Tensor,
  steps = c.steps,
  onStep?: (done: number) => void,
): Promise<{ seconds: number; lastLoss: number }> {
  const t0 = performance.now();
  const sigmas = benchSigmas();
  const { kind, config } = libraryConfig(c);
  const result = await train({
    network: buildNetwork(kind, config, itemShape(c.net), sigmas.length),
    data,
    sigmas,
    sigmaPer: 'step',
    adam: { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
    ema: { momentum: 0.999, biasCorrection: false },
    steps,
    batchSize: c.batch,
    seed: 3,
    logEvery: c.logEvery,
    onStep,
  });
  result.model.dispose();
  return {
    seconds: (performance.now() - t0) / 1000,
    lastLoss: result.log.loss[result.log.loss.length - 1] ?? NaN,
  };
}
