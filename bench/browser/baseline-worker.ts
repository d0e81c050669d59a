/**
 * The hand-written side in the browser: a dedicated worker like the runtime's, on the same
 * backend with the same kernel patches (chooseBrowserBackend), running the lab-recipe loop.
 */
import * as tf from '@tensorflow/tfjs';
import { chooseBrowserBackend } from '../../src/runtime/backend-browser';
import type { BackendName } from '../../src/runtime/protocol';
import { itemShape } from '../baseline/nets';
import { trainBaseline } from '../baseline/train-loop';
import { benchSigmas } from '../graphs';
import { trainWithLibrary } from '../lib/library-train';
import { StepClock } from '../lib/stats';
import type { FromBaseline, ToBaseline } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromBaseline) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<ToBaseline>) => {
  const message = event.data;
  if (message.type === 'init') {
    const choice = await chooseBrowserBackend(message.backend as BackendName);
    post({ type: 'ready', backend: choice.backend, reason: choice.reason });
    return;
  }
  const c = message.case;
  const data = tf.randomUniform([c.count, ...itemShape(c.net)], 0, 1, 'float32', 7);
  try {
    const clock = new StepClock();
    const result =
      message.readEvery === 'library'
        ? await trainWithLibrary(c, data, message.steps, (i) => clock.mark(i))
        : await trainBaseline({
            onStep: (i) => clock.mark(i),
            net: c.net,
            data,
            sigmas: benchSigmas(),
            batch: c.batch,
            steps: message.steps,
            readEvery: message.readEvery,
            seed: 3,
          });
    post({
      type: 'result',
      id: message.id,
      seconds: result.seconds,
      steadyMs: clock.steady()?.wall ?? NaN,
      numTensors: tf.memory().numTensors,
      lastLoss: result.lastLoss,
      backend: tf.getBackend(),
    });
  } catch (error) {
    post({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    data.dispose();
  }
};
