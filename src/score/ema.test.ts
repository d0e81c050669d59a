import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../runtime/backend-node';
import { emaDecay, updateEma } from './ema';

describe('EMA of the weights (docs/science.md §3)', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });

  const thetas = [1, 3, -2, 5, 0.5, 4, 4, -1];

  it('plain EMA: shadow ← m·shadow + (1 − m)·theta, starting from the initial weights', () => {
    const m = 0.9;
    const shadow = { w: tf.variable(tf.scalar(10)) };
    let expected = 10;
    thetas.forEach((theta, i) => {
      expect(emaDecay({ momentum: m, biasCorrection: false }, i + 1)).toBe(m);
      tf.tidy(() => updateEma(shadow, { w: tf.scalar(theta) }, tf.scalar(m)));
      expected = m * expected + (1 - m) * theta;
      expect(shadow.w.dataSync()[0]).toBeCloseTo(expected, 5);
    });
    shadow.w.dispose();
  });

  it('bias-corrected EMA equals shadow_t / (1 − m^t) of a shadow started at 0, whatever the start', () => {
    const m = 0.9;
    const settings = { momentum: m, biasCorrection: true };
    expect(emaDecay(settings, 1)).toBe(0);
    const shadow = { w: tf.variable(tf.scalar(123)) }; // the initial value must not matter
    let zeroStarted = 0;
    thetas.forEach((theta, i) => {
      const t = i + 1;
      tf.tidy(() => updateEma(shadow, { w: tf.scalar(theta) }, tf.scalar(emaDecay(settings, t))));
      zeroStarted = m * zeroStarted + (1 - m) * theta;
      expect(shadow.w.dataSync()[0]).toBeCloseTo(zeroStarted / (1 - m ** t), 5);
    });
    expect(emaDecay(settings, 100000)).toBeCloseTo(m, 10);
    shadow.w.dispose();
  });
});
