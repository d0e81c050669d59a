/**
 * Checkpoints of a trained network: the weights (raw params and EMA shadow) as one binary
 * buffer in tfjs's weight format (`tf.io.encodeWeights`), and a JSON header with kind,
 * config, shape, sigmas, step and the weight specs. Decoding trusts nothing in the file: the
 * header is checked by readCheckpointHeader (src/graph/checkpoint-header.ts), the kind must be
 * a network this app builds, and every weight must be present with its expected shape.
 */
import * as tf from '@tensorflow/tfjs';
import type { Json } from '../graph';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  readCheckpointHeader,
  type EncodedCheckpoint,
} from '../graph/checkpoint-header';
import { buildNetwork, isNetworkKind } from './networks/build';
import type { Weights } from './networks/weights';
import { makeTrainedNetwork, type TrainedNetwork } from './trained';

const groups = ['params', 'ema'] as const;

export async function encodeCheckpoint(model: TrainedNetwork): Promise<EncodedCheckpoint> {
  const named: tf.NamedTensorMap = {};
  for (const group of groups)
    for (const [name, v] of Object.entries(model[group])) named[`${group}/${name}`] = v;
  const { data, specs } = await tf.io.encodeWeights(named);
  const weights = Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
  return {
    json: {
      format: CHECKPOINT_FORMAT,
      version: CHECKPOINT_VERSION,
      kind: model.kind,
      config: model.config as Record<string, Json>,
      shape: model.shape,
      sigmas: model.sigmas,
      step: model.step,
      weightSpecs: specs.map((s) => ({ name: s.name, shape: s.shape, dtype: s.dtype })),
    },
    weights,
  };
}

function fail(message: string): never {
  throw new Error(`Not a valid scoregraph checkpoint: ${message}`);
}

/** Rebuilds a trained network from `encodeCheckpoint` output; the result owns new variables. */
export function decodeCheckpoint(json: unknown, weights: ArrayBuffer): TrainedNetwork {
  const header = readCheckpointHeader(json);
  if ('message' in header) throw new Error(header.message);
  const { kind, config, shape, sigmas, step, weightSpecs: specs } = header;
  if (!isNetworkKind(kind)) fail(`unknown network kind "${kind}".`);
  const expectedBytes = specs.reduce((sum, s) => sum + 4 * s.shape.reduce((a, b) => a * b, 1), 0);
  if (weights.byteLength !== expectedBytes)
    fail(`the weights file has ${weights.byteLength} bytes but the header describes ${expectedBytes}.`);

  const network = buildNetwork(kind, config, shape, sigmas.length);
  const tensors = tf.io.decodeWeights(weights, specs);
  const out: Record<(typeof groups)[number], Weights> = { params: {}, ema: {} };
  try {
    for (const group of groups) {
      for (const spec of network.weightSpecs) {
        const tensor = tensors[`${group}/${spec.name}`];
        if (!tensor) fail(`weight "${group}/${spec.name}" is missing.`);
        if (tensor.shape.join() !== spec.shape.join())
          fail(`weight "${group}/${spec.name}" has shape [${tensor.shape}], expected [${spec.shape}].`);
        out[group][spec.name] = tf.variable(tensor, group === 'params');
      }
    }
  } catch (error) {
    for (const group of groups) for (const v of Object.values(out[group])) v.dispose();
    throw error;
  } finally {
    tf.dispose(Object.values(tensors));
  }
  return makeTrainedNetwork(network, sigmas, out.params, out.ema, step);
}
