/** view.images: the run body, loaded on the first run (see images.ts). */
import { imagesDisplay } from './displays';
import type { RunOf } from '../define';
import type { declaration } from './images';
import { readItems } from '../../score/sampling/read-items';

/** At most this many snapshot rows in trajectory mode (evenly spaced, the last always kept). */
const MAX_TRAJECTORY_ROWS = 16;

/** Indices of up to `max` of `n` snapshots, evenly spaced, first and last included. */
export function pickSnapshots(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, i) => Math.round((i * (n - 1)) / (max - 1)));
}

const run: RunOf<typeof declaration> = async ({ params, inputs, preview }) => {
  const { data, trajectory } = inputs.samples;
  const [n, h, w, c] = data.shape;
  if (params.show === 'samples') {
    const { values, shape } = await readItems(data, params.max);
    preview(
      imagesDisplay(values, shape, params.columns, `${shape[0]} of ${n} · ${h}×${w}${rangeNote(values)}`),
    );
    return {};
  }
  if (!trajectory?.length)
    throw new Error('These samples have no trajectory: turn on "trajectory" on the sampler that made them.');
  const columns = Math.min(params.columns, n);
  const rows = [...pickSnapshots(trajectory.length, MAX_TRAJECTORY_ROWS).map((i) => trajectory[i]), data];
  const parts = await Promise.all(rows.map((snapshot) => readItems(snapshot, columns)));
  const pixels = new Float32Array(rows.length * columns * h * w * c);
  parts.forEach((part, r) => pixels.set(part.values, r * columns * h * w * c));
  preview(
    imagesDisplay(
      pixels,
      [rows.length * columns, h, w, c],
      columns,
      `${columns} chains · ${rows.length - 1} of ${trajectory.length} levels, then the final samples`,
    ),
  );
  return {};
};

/** " · values in [lo, hi]" when some pixels fall outside [0, 1] (clamped for display only). */
function rangeNote(values: Float32Array): string {
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of values) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return lo < -0.01 || hi > 1.01 ? ` · values in [${lo.toFixed(2)}, ${hi.toFixed(2)}], shown clamped` : '';
}

export default run;
