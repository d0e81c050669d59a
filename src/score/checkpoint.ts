/**
 * Checkpoints of a trained network: the weights (raw params and EMA shadow) as one binary
 * buffer in tfjs's weight format (`tf.io.encodeWeights`), and a JSON header with kind,
 * config, shape, sigmas, step and the weight specs. Decoding trusts nothing in the file: the
 * header is checked field by field and every weight must be present with its expected shape.
 */
import * as tf from '@tensorflow/tfjs';
import type { Json } from '../graph';
import { buildNetwork, isNetworkKind } from './networks/build';
import type { Weights } from './networks/weights';
import { makeTrainedNetwork, type TrainedNetwork } from './trained';

export const CHECKPOINT_FORMAT = 'scoregraph-checkpoint';
export const CHECKPOINT_VERSION = 1;

export interface EncodedCheckpoint {
  json: Json;
  weights: ArrayBuffer;
}

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

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isNumberList = (v: unknown, ok: (n: number) => boolean): v is number[] =>
  Array.isArray(v) && v.length > 0 && v.every((n) => typeof n === 'number' && ok(n));

/** Rebuilds a trained network from `encodeCheckpoint` output; the result owns new variables. */
export function decodeCheckpoint(json: unknown, weights: ArrayBuffer): TrainedNetwork {
  if (!isRecord(json) || json.format !== CHECKPOINT_FORMAT)
    fail(`the header's "format" is not "${CHECKPOINT_FORMAT}".`);
  if (json.version !== CHECKPOINT_VERSION)
    fail(`version ${String(json.version)} is not supported (this app reads version ${CHECKPOINT_VERSION}).`);
  const { kind, config, shape, sigmas, step, weightSpecs } = json;
  if (typeof kind !== 'string' || !isNetworkKind(kind)) fail(`unknown network kind "${String(kind)}".`);
  if (!isRecord(config)) fail('"config" must be an object.');
  if (!isNumberList(shape, (n) => Number.isInteger(n) && n > 0 && n <= 4096))
    fail('"shape" must be positive whole numbers.');
  if (!isNumberList(sigmas, (n) => n > 0 && Number.isFinite(n))) fail('"sigmas" must be positive numbers.');
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0)
    fail('"step" must be a whole number ≥ 0.');
  if (!Array.isArray(weightSpecs)) fail('"weightSpecs" is missing.');
  const specs = weightSpecs.map((s, i) => {
    if (
      !isRecord(s) ||
      typeof s.name !== 'string' ||
      !isNumberList(s.shape, Number.isInteger) ||
      s.dtype !== 'float32'
    )
      fail(`weight spec ${i + 1} is malformed.`);
    return { name: s.name, shape: s.shape, dtype: 'float32' as const };
  });
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
