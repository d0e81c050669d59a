import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { copyWeights, disposeWeights, type Weights } from './networks/weights';
import { composedParameterUpdate, makeParameterUpdate } from './parameter-update';

const adam = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

describe('ParameterUpdate (composed: tf.train.adam + EMA)', () => {
  it('takes a first Adam step of lr·sign(g) and moves the shadow by (1 − decay) of the way', async () => {
    await tf.setBackend('cpu');
    const params: Weights = { w: tf.variable(tf.tensor1d([1, 2, 3]), true, 'pu-test/w') };
    const ema: Weights = { w: tf.variable(tf.tensor1d([0, 0, 0]), false, 'pu-test/ema') };
    const update = composedParameterUpdate(params, ema, adam);
    tf.tidy(() => update.apply({ w: tf.tensor1d([0.5, -2, 0]) }, 0.75, adam.learningRate));
    // Step 1: m̂ = g, v̂ = g², so θ moves by −lr·g/(|g| + ε); a zero gradient leaves θ.
    const theta = Array.from(params.w.dataSync());
    [0.9, 2.1, 3].forEach((v, i) => expect(theta[i]).toBeCloseTo(v, 5));
    // shadow ← θ + (shadow − θ)·0.75 = θ / 4.
    Array.from(ema.w.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(theta[i] / 4, 5));
    expect(update.steps).toBe(1);
    // Adam's moments were made on the first step; later steps keep nothing.
    const before = tf.memory().numTensors;
    // Step 2 at its own rate (a schedule's): the same gradient again gives m̂ = g, v̂ = g², so θ
    // moves by that rate·sign(g).
    tf.tidy(() => update.apply({ w: tf.tensor1d([0.5, -2, 0]) }, 0.75, 0.02));
    expect(tf.memory().numTensors).toBe(before);
    const second = Array.from(params.w.dataSync());
    [0.88, 2.12, 3].forEach((v, i) => expect(second[i]).toBeCloseTo(v, 5));
    update.dispose();
    disposeWeights(params);
    disposeWeights(ema);
  });

  it('is the composed update on a backend without a fused one', async () => {
    await tf.setBackend('cpu');
    const params: Weights = { w: tf.variable(tf.tensor1d([1]), true, 'pu-test2/w') };
    const ema = copyWeights(params, false, 'pu-test2-ema');
    const update = makeParameterUpdate(params, ema, adam);
    tf.tidy(() => update.apply({ w: tf.tensor1d([1]) }, 0, adam.learningRate));
    expect(params.w.dataSync()[0]).toBeCloseTo(0.9, 5);
    expect(ema.w.dataSync()[0]).toBeCloseTo(0.9, 5);
    update.dispose();
    disposeWeights(params);
    disposeWeights(ema);
  });
});
