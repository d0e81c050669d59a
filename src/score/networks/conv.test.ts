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

  it('conv gradients (x, filter, bias) match the stock tfjs gradients, dilated or not', () => {
    tf.tidy(() => {
      const x = tf.randomNormal([2, 7, 9, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
      const w = tf.randomNormal([3, 3, 3, 4], 0, 1, 'float32', 4) as tf.Tensor4D;
      const b = tf.randomNormal([4], 0, 1, 'float32', 5) as tf.Tensor1D;
      const probe = tf.randomNormal([2, 7, 9, 4], 0, 1, 'float32', 6);
      // Stock reference: the 'same' conv, or the dilated one (d = 2) through tfjs's own
      // space-to-batch ops: pad 2 (+1 so 7 and 9 become even), conv 'valid', back, crop.
      const stock = (xs: tf.Tensor4D, ws: tf.Tensor4D, bs: tf.Tensor1D, d = 1) => {
        if (d === 1) return tf.add(tf.conv2d(xs, ws, 1, 'same'), bs) as tf.Tensor4D;
        const blocks = tf.spaceToBatchND(
          xs,
          [2, 2],
          [
            [2, 3],
            [2, 3],
          ],
        ) as tf.Tensor4D;
        const y = tf.batchToSpaceND(
          tf.add(tf.conv2d(blocks, ws, 1, 'valid'), bs),
          [2, 2],
          [
            [0, 0],
            [0, 0],
          ],
        );
        return tf.slice(y, [0, 0, 0, 0], [-1, 7, 9, -1]) as tf.Tensor4D;
      };
      for (const d of [1, 2]) {
        const loss =
          (f: (x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D, d: number) => tf.Tensor4D) =>
          (xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor) =>
            tf.sum(tf.mul(f(xs as tf.Tensor4D, ws as tf.Tensor4D, bs as tf.Tensor1D, d), probe));
        const ours = tf.grads(loss(conv))([x, w, b]);
        const theirs = tf.grads(loss(stock))([x, w, b]);
        ours.forEach((g, i) => expect(maxAbsDiff(g, theirs[i]), `d=${d} input ${i}`).toBeLessThan(1e-3));
      }
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
