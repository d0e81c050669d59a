import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { conv, meanPool, upsample2x } from './conv';

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);

describe('conv blocks', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });

  it('dilated conv by space-to-batch equals the dilated conv2d (7, 14, odd widths; d = 2, 4)', async () => {
    const before = tf.memory().numTensors;
    for (const [h, w, d] of [
      [7, 7, 2],
      [7, 7, 4],
      [14, 14, 2],
      [14, 9, 4],
    ]) {
      tf.tidy(() => {
        const x = tf.randomNormal([2, h, w, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
        const filter = tf.randomNormal([3, 3, 3, 5], 0, 1, 'float32', 8) as tf.Tensor4D;
        const bias = tf.randomNormal([5], 0, 1, 'float32', 9) as tf.Tensor1D;
        const expected = tf.add(tf.conv2d(x, filter, 1, 'same', 'NHWC', [d, d]), bias);
        const got = conv(x, filter, bias, d);
        expect(got.shape).toEqual([2, h, w, 5]);
        expect(maxAbsDiff(got, expected), `${h}x${w} d=${d}`).toBeLessThan(1e-4);
      });
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('dilated conv has a filter gradient (which tfjs lacks for conv2d with dilations)', () => {
    tf.tidy(() => {
      const x = tf.randomNormal([2, 7, 7, 2], 0, 1, 'float32', 3) as tf.Tensor4D;
      const filter = tf.randomNormal([3, 3, 2, 2], 0, 1, 'float32', 4) as tf.Tensor4D;
      const bias = tf.zeros([2]) as tf.Tensor1D;
      const loss = (f: tf.Tensor) => tf.sum(tf.square(conv(x, f as tf.Tensor4D, bias, 2)));
      const grad = tf.grad(loss)(filter);
      // Central finite difference on one filter entry.
      const delta = tf.buffer([3, 3, 2, 2]);
      delta.set(1e-2, 1, 2, 0, 1);
      const step = delta.toTensor();
      const numeric =
        (loss(tf.add(filter, step)).dataSync()[0] - loss(tf.sub(filter, step)).dataSync()[0]) / 2e-2;
      const analytic = grad.arraySync() as number[][][][];
      expect(analytic[1][2][0][1]).toBeCloseTo(numeric, 1);
    });
  });

  it('mean pool and upsample are exact', () => {
    tf.tidy(() => {
      const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [1, 4, 4, 1]);
      expect(Array.from(meanPool(x).dataSync())).toEqual([3.5, 5.5, 11.5, 13.5]);
      const small = tf.tensor4d([1, 2, 3, 4, 10, 20, 30, 40], [2, 2, 2, 1]);
      expect(Array.from(upsample2x(small).dataSync())).toEqual([
        1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4, 10, 10, 20, 20, 10, 10, 20, 20, 30, 30, 40, 40, 30,
        30, 40, 40,
      ]);
    });
  });
});
