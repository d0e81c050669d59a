/** metric.points: sliced Wasserstein-1 of 2-D samples to the data, beside a data resample's. */
import { declareNode, defineNode, lazy, InferError } from '../define';

export const declaration = declareNode({
  type: 'metric.points',
  title: 'Point quality',
  category: 'Metric',
  doc:
    'Scores low-dimensional samples against the training data: the sliced Wasserstein-1 distance ' +
    '(mean exact 1-D W1 over 256 fixed random directions) between the samples and half of the data, ' +
    'beside the same distance for the other half resampled to as many points — what a perfect sampler ' +
    'scores at this size. A ratio near 1 is as good as it gets; noise scores far above.',
  view: true,
  inputs: {
    samples: { type: 'Samples', doc: 'Points [N, D].' },
    dataset: { type: 'Dataset', doc: 'The training data (points of the same dimension, at least 4).' },
  },
  outputs: {},
  params: {},

  infer({ inputs }) {
    const { samples, dataset } = inputs;
    if (samples?.kind === 'images')
      throw new InferError(
        `The samples from "${samples.source}" are images: score digits with metric.digits.`,
        {
          socket: 'samples',
        },
      );
    if (dataset?.kind === 'images')
      throw new InferError(`The dataset from "${dataset.source}" holds images, not points.`, {
        socket: 'dataset',
      });
    if (samples?.shape && dataset && samples.shape.join() !== dataset.shape.join())
      throw new InferError(
        `The samples from "${samples.source}" are [${samples.shape}] but the data from "${dataset.source}" are [${dataset.shape}].`,
        { socket: 'samples' },
      );
    return {};
  },
});

export default defineNode({ ...declaration, run: lazy(() => import('./points.run')) });
