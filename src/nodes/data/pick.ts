/** data.pick: a few items of a dataset as a batch (inpainting references, reconstruction inputs). */
import { boolean, integer } from '../../graph';
import { declareNode, defineNode, lazy, InferError } from '../define';

export const declaration = declareNode({
  type: 'data.pick',
  title: 'Pick items',
  category: 'Data',
  doc:
    'Takes `count` items of a dataset as a batch of samples: the references an inpainting or ' +
    'reconstruction sampler starts from, or real data to show beside generated samples. Items are ' +
    'taken in order from `offset`, or, with shuffle on, drawn at random without repeats (the same ' +
    'seed picks the same items).',
  inputs: { dataset: { type: 'Dataset', doc: 'The dataset to pick from.' } },
  outputs: { batch: { type: 'Samples', doc: 'The picked items [count, ...item shape], copied.' } },
  params: {
    count: integer({ default: 16, min: 1, max: 10000, doc: 'How many items.' }),
    offset: integer({
      default: 0,
      min: 0,
      max: 1000000,
      doc: 'Index of the first item (without shuffle). For MNIST, items cycle through the digits 0, 1, …, 9.',
    }),
    shuffle: boolean({ default: false, doc: 'Draw random items instead of consecutive ones.' }),
    seed: integer({ default: 1, min: 1, max: 2147483646, doc: 'Which random items, with shuffle on.' }),
  },

  infer({ params, inputs }) {
    const dataset = inputs.dataset;
    const needed = params.shuffle ? params.count : params.offset + params.count;
    if (dataset && needed > dataset.count)
      throw new InferError(
        params.shuffle
          ? `count (${params.count}) is more than the ${dataset.count} items of the dataset from "${dataset.source}".`
          : `offset + count (${needed}) is more than the ${dataset.count} items of the dataset from "${dataset.source}".`,
        { param: params.shuffle || params.offset === 0 ? 'count' : 'offset' },
      );
    return {
      batch: { kind: dataset?.kind ?? null, shape: dataset ? [...dataset.shape] : null, count: params.count },
    };
  },

  summarize: ({ batch }) => ({
    kind: batch.kind,
    count: batch.data.shape[0],
    shape: batch.data.shape.slice(1),
  }),
});

export default defineNode({ ...declaration, run: lazy(() => import('./pick.run')) });
