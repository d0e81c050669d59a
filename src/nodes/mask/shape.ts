/** mask.shape: which pixels an inpainting sampler keeps and which it fills in. */
import { choice, integer, number } from '../../graph';
import { declareNode, defineNode, lazy, InferError } from '../define';

const hideParam = choice({
  default: 'right-half',
  options: ['right-half', 'left-half', 'top-half', 'bottom-half', 'centre-box', 'random-pixels'] as const,
  doc: 'Which pixels to hide (the sampler fills them in); all others are kept from the reference.',
  optionDocs: {
    'right-half':
      'The right half (NCSN’s inpainting: the left half is known). Odd widths hide the middle column too.',
    'left-half': 'The left half.',
    'top-half': 'The top half.',
    'bottom-half': 'The bottom half.',
    'centre-box': 'A centred box covering `fraction` of the image.',
    'random-pixels': 'Exactly `fraction` of the pixels, chosen at random by `seed`.',
  },
});

export const declaration = declareNode({
  type: 'mask.shape',
  title: 'Inpainting mask',
  category: 'Mask',
  doc:
    'A mask for inpainting: 1 where a pixel is known (kept from the reference), 0 where the sampler fills ' +
    'it in, the same for every channel. Its size comes from what is connected: a dataset or a batch of ' +
    'samples (e.g. the references from data.pick) — connect one of the two. Masks are for images, not points.',
  inputs: {
    dataset: { type: 'Dataset', optional: true, doc: 'Gives the image size (connect this or samples).' },
    samples: { type: 'Samples', optional: true, doc: 'Gives the image size (connect this or dataset).' },
  },
  outputs: { mask: { type: 'Mask', doc: 'The mask [H, W, C]: 1 = known, 0 = fill in.' } },
  params: {
    hide: hideParam,
    fraction: number({
      default: 0.5,
      min: 0.01,
      max: 0.99,
      step: 0.01,
      doc: 'For centre-box and random-pixels: the share of the image’s pixels to hide.',
    }),
    seed: integer({ default: 1, min: 1, max: 2147483646, doc: 'For random-pixels: which pixels.' }),
  },

  infer({ inputs }) {
    const { dataset, samples } = inputs;
    if (!dataset && !samples)
      throw new InferError('Connect a dataset or samples so the mask knows the image size.', {
        socket: 'dataset',
      });
    const shape = dataset ? dataset.shape : samples!.shape;
    const from = (dataset ?? samples)!.source;
    if (dataset && samples?.shape && samples.shape.join() !== dataset.shape.join())
      throw new InferError(
        `The dataset from "${dataset.source}" has items [${dataset.shape}] but the samples from "${samples.source}" are [${samples.shape}]: connect one.`,
        { socket: 'samples' },
      );
    if (shape && shape.length !== 3)
      throw new InferError(`Masks are for images, and the data from "${from}" are points [${shape}].`, {
        socket: dataset ? 'dataset' : 'samples',
      });
    return { mask: { shape: shape ? [...shape] : null } };
  },

  summarize: ({ mask }, params) => ({ hide: params.hide, shape: mask.data.shape }),
});

export default defineNode({ ...declaration, run: lazy(() => import('./shape.run')) });
