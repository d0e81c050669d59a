/** view.images: a grid of image samples, or the chains' snapshots level by level. */
import { choice, integer } from '../../graph';
import { declareNode, defineNode, lazy, InferError } from '../define';

export const declaration = declareNode({
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
});

export default defineNode({ ...declaration, run: lazy(() => import('./images.run')) });
