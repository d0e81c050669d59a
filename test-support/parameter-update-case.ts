/** One known case for a ParameterUpdate (parameter-update.ts): run it on any backend, compare with cpu's. */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { assignWeights, copyWeights, disposeWeights, type Weights } from '../src/score/networks/weights';
import { makeParameterUpdate } from '../src/score/parameter-update';

const adam = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
const shapes: Record<string, number[]> = { 'conv/w': [3, 3, 2, 5], 'conv/b': [5], odd: [7], scalar: [1] };

/**
 * Five update steps with a snapshot taken after step 2 (a copy sharing the weights' data, as
 * train() keeps one) and the params restored from it before step 5 (as after a divergence).
 * Returns every value: params, shadow and the snapshot, which later steps must not change.
 */
export async function runParameterUpdateCase(): Promise<Record<string, number[]>> {
  const seeded = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);
  const params: Weights = {};
  Object.entries(shapes).forEach(([name, shape], i) => {
    params[name] = tf.tidy(() => tf.variable(seeded(shape, 1 + i), true, `adam-ema-test/${name}`));
  });
  const ema = copyWeights(params, false, 'adam-ema-test-ema');
  const update = makeParameterUpdate(params, ema, adam);
  let snapshot: Weights | null = null;
  let tensors = -1;
  for (let step = 1; step <= 5; step++) {
    if (step === 5) assignWeights(params, snapshot!);
    tf.tidy(() => {
      const grads: tf.NamedTensorMap = {};
      Object.entries(shapes).forEach(([name, shape], i) => (grads[name] = seeded(shape, 100 * step + i)));
      update.apply(grads, step === 1 ? 0 : 0.9, adam.learningRate * (1 - 0.15 * step)); // a schedule's rates
    });
    if (step === 2) snapshot = copyWeights(params, false, 'adam-ema-test-snap');
    if (step === 3) tensors = tf.memory().numTensors;
    if (step === 4) expect(tf.memory().numTensors, 'tensors after a step').toBe(tensors);
  }
  const out: Record<string, number[]> = {};
  for (const [prefix, w] of [
    ['p', params],
    ['e', ema],
    ['s', snapshot!],
  ] as const)
    for (const [name, t] of Object.entries(w)) out[`${prefix}:${name}`] = Array.from(await t.data());
  update.dispose();
  for (const w of [params, ema, snapshot!]) disposeWeights(w);
  return out;
}

/** The largest relative difference per value, each checked against `tolerance`. */
export function expectSameUpdate(
  got: Record<string, number[]>,
  expected: Record<string, number[]>,
  tolerance: number,
): void {
  for (const [key, values] of Object.entries(expected)) {
    expect(got[key].length, key).toBe(values.length);
    const err = Math.max(...values.map((v, i) => Math.abs(got[key][i] - v) / Math.max(1, Math.abs(v))));
    expect(err, key).toBeLessThan(tolerance);
  }
}
