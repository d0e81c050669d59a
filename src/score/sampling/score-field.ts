/** A 2-D score field on a grid, for drawing arrows over a point cloud (view.points). */
import * as tf from '@tensorflow/tfjs';
import { levelInputs, type ScoreFn } from './anneal-loop';

export interface ScoreFieldOptions {
  bounds: readonly [number, number, number, number];
  /** Grid points per side. */
  resolution: number;
  sigma: number;
  label: number;
}

/** Interleaved x, y, sx, sy for each grid point: the raw score s(x, σ), unscaled. */
export async function scoreField(
  score: ScoreFn,
  { bounds, resolution, sigma, label }: ScoreFieldOptions,
): Promise<Float32Array> {
  const [x0, x1, y0, y1] = bounds;
  const grid: number[] = [];
  for (let i = 0; i < resolution; i++)
    for (let j = 0; j < resolution; j++)
      grid.push(x0 + ((j + 0.5) / resolution) * (x1 - x0), y0 + ((i + 0.5) / resolution) * (y1 - y0));
  const count = resolution * resolution;
  const s = tf.tidy(() => {
    const inputs = levelInputs(count, sigma, label);
    return score(tf.tensor2d(grid, [count, 2]), inputs.sigma, inputs.labels);
  });
  const values = await s.data();
  s.dispose();
  const out = new Float32Array(count * 4);
  for (let k = 0; k < count; k++) {
    out[4 * k] = grid[2 * k];
    out[4 * k + 1] = grid[2 * k + 1];
    out[4 * k + 2] = values[2 * k];
    out[4 * k + 3] = values[2 * k + 1];
  }
  return out;
}
