import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import type { ScoreFn } from './anneal-loop';
import { interpolationAngles, makeAnnealedInterpolation } from './interpolation';

describe('annealed Langevin interpolation', () => {
  beforeAll(() => useNodeBackend('cpu'));

  it('angles run from 0 to pi/2', () => {
    expect(interpolationAngles(3)).toEqual([0, Math.PI / 4, Math.PI / 2]);
  });

  it('with zero steps every column of a row is that row’s shared initial state', async () => {
    const interpolate = makeAnnealedInterpolation((x) => tf.zerosLike(x), [1, 0.1], {
      stepSize: 1e-3,
      stepsPerSigma: 0,
      columns: 3,
    });
    const rows = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    const { x } = await interpolate(rows, { seed: 1 });
    expect(x.arraySync()).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
      [3, 4],
      [3, 4],
      [3, 4],
    ]);
    tf.dispose([x, rows]);
  });

  it('columns mix the noise as cos(phi) z_p + sin(phi) z_q: with a linear score they lie on one ellipse', async () => {
    // For a Gaussian score every step is affine, so column j ends at
    // m + cos(phi_j)(x_0 - m) + sin(phi_j)(x_{K-1} - m) for one m per row. Solve m from the
    // middle column and check all the others, per row.
    const linear: ScoreFn = (x, sigma) =>
      tf.div(tf.sub(0.3, x), tf.reshape(tf.add(0.04, tf.square(sigma)), [-1, 1, 1, 1]));
    const K = 5;
    const interpolate = makeAnnealedInterpolation(linear, [1, 0.3, 0.1], {
      stepSize: 1e-3,
      stepsPerSigma: 8,
      columns: K,
      denoise: true,
    });
    const rows = tf.randomUniform([3, 4, 4, 1], 0, 1, 'float32', 5);
    const before = tf.memory().numTensors;
    const { x } = await interpolate(rows, { seed: 12 });
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(x.shape).toEqual([3 * K, 4, 4, 1]);
    const out = (await x.data()) as Float32Array;
    const D = 16;
    const phi = interpolationAngles(K);
    const at = (row: number, col: number, d: number) => out[(row * K + col) * D + d];
    let worst = 0;
    let spread = 0;
    for (let r = 0; r < 3; r++)
      for (let d = 0; d < D; d++) {
        const [first, last, mid] = [at(r, 0, d), at(r, K - 1, d), at(r, 2, d)];
        const [c, s] = [Math.cos(phi[2]), Math.sin(phi[2])];
        const m = (mid - c * first - s * last) / (1 - c - s);
        spread = Math.max(spread, Math.abs(first - last));
        for (const j of [1, 3])
          worst = Math.max(
            worst,
            Math.abs(at(r, j, d) - (m + Math.cos(phi[j]) * (first - m) + Math.sin(phi[j]) * (last - m))),
          );
      }
    expect(spread).toBeGreaterThan(0.05); // the two end columns are different chains
    expect(worst).toBeLessThan(1e-4);
    tf.dispose([x, rows]);
  });
});
