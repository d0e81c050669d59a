/** view.images: a grid of image samples, or the chains' snapshots level by level. */
import { choice, integer } from '../../graph';
import { defineNode, InferError } from '../define';
import { imagesDisplay } from './displays';

/** At most this many snapshot rows in trajectory mode (evenly spaced, the last always kept). */
const MAX_TRAJECTORY_ROWS = 16;

/** Indices of up to `max` of `n` snapshots, evenly spaced, first and last included. */
export function pickSnapshots(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, i) => Math.round((i * (n - 1)) / (max - 1)));
}

export default defineNode({
  type: 'view.images',
  title: 'Image grid',
  category: 'View',
  doc: 'Shows image samples in a grid (pixels drawn crisp, values clamped to [0, 1] for display only), or with show = trajectory one row per noise level so you can watch the chains anneal.',
  view: true,
  inputs: { samples: { type: 'Samples', doc: 'Images [N, H, W, 1 or 3].' } },
  outputs: {},
  params: {
    columns: integer({ default: 8, min: 1, max: 64, doc: 'Images per row of the grid.' }),
    max: integer({ default: 64, min: 1, max: 1024, label: 'show at most', doc: 'How many images to show.' }),
    show: choice({
      default: 'samples',
      options: ['samples', 'trajectory'] as const,
      doc: 'What to show.',
      optionDocs: {
        samples: 'The final samples.',
        trajectory:
          'Each row one noise level (largest first, the final samples last), for the first `columns` chains; needs a sampler with trajectory on.',
      },
    }),
  },

  infer({ inputs }) {
    const samples = inputs.samples;
    if (samples?.kind === 'points')
      throw new InferError(
        `The samples from "${samples.source}" are 2-D points: show them with view.points.`,
        {
          socket: 'samples',
        },
      );
    const channels = samples?.shape?.[2];
    if (samples?.shape && (samples.shape.length !== 3 || (channels !== 1 && channels !== 3)))
      throw new InferError(
        `Images must be [H, W, 1 or 3] to show; the samples from "${samples.source}" are [${samples.shape}].`,
        { socket: 'samples' },
      );
    return {};
  },

  async run({ params, inputs, preview }) {
    const { readItems } = await import('../../score/sampling/read-items');
    const { data, trajectory } = inputs.samples;
    if (data.rank !== 4) throw new Error(`Images must be [N, H, W, C] to show (got [${data.shape}]).`);
    const [n, h, w, c] = data.shape;
    if (params.show === 'samples') {
      const { values, shape } = await readItems(data, params.max);
      preview(
        imagesDisplay(values, shape, params.columns, `${shape[0]} of ${n} · ${h}×${w}${rangeNote(values)}`),
      );
      return {};
    }
    if (!trajectory?.length)
      throw new Error(
        'These samples have no trajectory: turn on "trajectory" on the sampler that made them.',
      );
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
  },
});

/** " · values in [lo, hi]" when some pixels fall outside [0, 1] (clamped for display only). */
function rangeNote(values: Float32Array): string {
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of values) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return lo < -0.01 || hi > 1.01 ? ` · values in [${lo.toFixed(2)}, ${hi.toFixed(2)}], shown clamped` : '';
}
