/**
 * A gradient helper: a worker thread that rebuilds the network once, then for each step reads
 * the weights from shared memory and writes the gradients of its shard of the batch
 * (train-step.ts `shardGradients`) and its per-level loss sums into its shared answer. It holds
 * no optimiser state. Started by gradient-helpers.ts (through tsx, as the CLI runs).
 */
import * as tf from '@tensorflow/tfjs';
import { parentPort } from 'node:worker_threads';
import { buildNetwork } from '../../score/networks/build';
import type { ScoreNetwork } from '../../score/networks/network';
import { createWeights, type Weights } from '../../score/networks/weights';
import { shardGradients } from '../../score/train-step';
import { useNodeBackend } from '../backend-node';
import type { FromHelper, SetupMessage, ToHelper } from './messages';

interface Helper {
  setup: SetupMessage;
  net: ScoreNetwork;
  data: tf.Tensor;
  params: Weights;
  varList: tf.Variable[];
}

const port = parentPort;
if (!port) throw new Error('helper-thread.ts runs as a worker thread.');
const answer = (message: FromHelper) => port.postMessage(message);

async function start(setup: SetupMessage): Promise<Helper> {
  await useNodeBackend(setup.backend);
  const { problem } = setup;
  const net = buildNetwork(problem.kind, problem.config, problem.shape, problem.levels);
  const data = tf.tensor(problem.data, [...problem.dataShape]);
  // Any values: every step assigns the training thread's weights first.
  const params = createWeights(net.weightSpecs, 1, 'helper');
  return { setup, net, data, params, varList: net.weightSpecs.map((spec) => params[spec.name]) };
}

function computeShard(h: Helper, message: Extract<ToHelper, { type: 'shard' }>): void {
  const { weights, answer: out, problem } = h.setup;
  tf.tidy(() => {
    let offset = 0;
    for (const variable of h.varList) {
      variable.assign(tf.tensor(weights.slice(offset, offset + variable.size), variable.shape));
      offset += variable.size;
    }
    const { grads, perLevel } = shardGradients(
      h.net,
      h.data,
      problem.sigmas,
      h.params,
      h.varList,
      message.draw,
      message.shard,
      problem.microBatch,
    );
    offset = 0;
    for (const variable of h.varList) {
      const g = grads[variable.name];
      if (g) out.set(g.dataSync() as Float32Array, offset);
      else out.fill(0, offset, offset + variable.size);
      offset += variable.size;
    }
    out.set(perLevel.dataSync() as Float32Array, offset);
  });
}

let helper: Promise<Helper> | null = null;
port.on('message', (message: ToHelper) => {
  void (async () => {
    try {
      if (message.type === 'setup') {
        helper = start(message);
        await helper;
        answer({ type: 'ready' });
      } else {
        if (!helper) throw new Error('a shard arrived before the setup.');
        computeShard(await helper, message);
        answer({ type: 'done' });
      }
    } catch (error) {
      answer({ type: 'failed', message: (error as Error).message ?? String(error) });
    }
  })();
});
