/**
 * Kernel tests compare a backend's result with the cpu backend's: read every tensor of a result
 * (and free them), then check each named part within a relative tolerance of the largest value.
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';

/** Computes `make` (tensors kept by a tidy), reads them all and disposes them. */
export async function readAll(make: () => tf.Tensor[]): Promise<number[][]> {
  const out = tf.tidy(make);
  const values: number[][] = [];
  for (const t of out) values.push(Array.from(await t.data()));
  tf.dispose(out);
  return values;
}

/**
 * got[k] agrees with expected[k] for every named part k: same length, and the largest
 * difference ÷ max(1, largest |expected|) below the part's tolerance.
 */
export function expectAgreement(
  got: number[][],
  expected: number[][],
  names: readonly string[],
  tolerance: number | ((name: string) => number),
  label = '',
): void {
  expect(got.length, `parts ${label}`).toBe(expected.length);
  got.forEach((values, k) => {
    const what = `${names[k] ?? k} ${label}`.trim();
    const scale = Math.max(1, ...expected[k].map(Math.abs));
    const err = Math.max(...values.map((v, j) => Math.abs(v - expected[k][j])));
    expect(values.length, what).toBe(expected[k].length);
    expect(err / scale, what).toBeLessThan(typeof tolerance === 'number' ? tolerance : tolerance(names[k]));
  });
}
