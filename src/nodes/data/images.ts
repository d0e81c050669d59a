/** data.images: the user's own PNG/JPEG images as a small dataset. */
import { choice, images, integer } from '../../graph';
import { declareNode, defineNode, lazy, InferError } from '../define';
import { summarizeDataset } from './dataset-summary';

const colorParam = choice({
  default: 'grey',
  options: ['grey', 'rgb'] as const,
  doc: 'Keep one grey channel or three colour channels.',
  optionDocs: { grey: 'One channel: 0.299 R + 0.587 G + 0.114 B.', rgb: 'Three channels.' },
});

export const declaration = declareNode({
  type: 'data.images',
  title: 'Your images',
  category: 'Data',
  doc:
    'Images you drop onto the node (PNG or JPEG), as a dataset for training or as references for ' +
    'inpainting. Each image is centre-cropped to a square, resized by area averaging to size × size, ' +
    'kept grey (luma) or RGB, with values in [0, 1]; transparent pixels count as black background, as in ' +
    'MNIST. The images are stored inside the graph file. From the command line only PNG images can be ' +
    'decoded (JPEG needs the browser).',
  inputs: {},
  outputs: { dataset: { type: 'Dataset', doc: 'Images [count, size, size, 1 or 3], values in [0, 1].' } },
  params: {
    images: images({
      default: [],
      maxItems: 64,
      doc: 'The images, as PNG or JPEG data URLs (drop files onto the node).',
    }),
    size: integer({ default: 28, min: 4, max: 64, doc: 'Side in pixels after cropping and resizing.' }),
    color: colorParam,
  },

  infer({ params }) {
    if (params.images.length === 0)
      throw new InferError('No images yet: drop PNG or JPEG files onto the node.', { param: 'images' });
    return {
      dataset: {
        kind: 'images' as const,
        shape: [params.size, params.size, params.color === 'grey' ? 1 : 3],
        count: params.images.length,
      },
    };
  },

  summarize: ({ dataset }) => summarizeDataset(dataset),
});

export default defineNode({ ...declaration, run: lazy(() => import('./images.run')) });
