/**
 * A gradient helper: a worker thread that rebuilds the network once, then for each step reads
 * the weights from shared memory and writes the gradients of its shard of the batch
 * (train-step.ts `shardGradients`) and its per-level loss sums into its shared answer. It holds
 * no optimiser state, and of the data set only its shard's rows, copied from the shared data set
 * each step (the data set is not copied into every thread's heap). Started by gradient-helpers.ts
 * (through tsx, as the CLI runs).
 */
import * as tf from '@tensorflow/tfjs';
import { parentPort } from 'node:worker_threads';
import { buildNetwork } from '../../score/networks/build';
import type { ScoreNetwork } from '../../score/networks/network';
import { createWeights, type Weights } from '../../score/networks/weights';
import { checkShard, shardGradients, type StepDraw } from '../../score/train-step';
import { useNodeBackend } from '../backend-node';
import type { FromHelper, SetupMessage, ShardMessage, ToHelper } from './messages';

interface Helper {
  setup: SetupMessage;
  net: ScoreNetwork;
  /** Floats per data item. */
  itemSize: number;
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
  const itemSize = problem.shape.reduce((a, b) => a * b, 1);
  // Any values: every step assigns the training thread's weights first.
  const params = createWeights(net.weightSpecs, 1, 'helper');
  return { setup, net, itemSize, params, varList: net.weightSpecs.map((spec) => params[spec.name]) };
}

/**
 * The shard's rows of the data set as a tensor, and the draw with its indices pointing into it
 * (row k of the shard is row k of the tensor): what shardGradients gathers from.
 */
function shardRows(h: Helper, message: ShardMessage): { rows: tf.Tensor; draw: StepDraw } {
  const { data, shape } = h.setup.problem;
  const { draw, shard } = message;
  checkShard(shard, draw.indices.length);
  const count = data.length / h.itemSize;
  const values = new Float32Array(shard.size * h.itemSize);
  const indices = new Int32Array(draw.indices.length);
  for (let k = 0; k < shard.size; k++) {
    const row = draw.indices[shard.start + k];
    if (!(row >= 0 && row < count)) throw new Error(`row ${row} is not in the data set of ${count}.`);
    values.set(data.subarray(row * h.itemSize, (row + 1) * h.itemSize), k * h.itemSize);
    indices[shard.start + k] = k;
  }
  return { rows: tf.tensor(values, [shard.size, ...shape]), draw: { ...draw, indices } };
}

function computeShard(h: Helper, message: ShardMessage): void {
  const { weights, answer: out, problem } = h.setup;
  tf.tidy(() => {
    let offset = 0;
    for (const variable of h.varList) {
      variable.assign(tf.tensor(weights.slice(offset, offset + variable.size), variable.shape));
      offset += variable.size;
    }
    const { rows, draw } = shardRows(h, message);
    const { grads, perLevel } = shardGradients(
      h.net,
      rows,
      problem.sigmas,
      h.params,
      h.varList,
      draw,
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
