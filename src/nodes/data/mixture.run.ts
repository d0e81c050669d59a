/** data.mixture: the run body, loaded on the first run (see mixture.ts). */
import { previewDataset } from './dataset-preview.run';
import type { RunOf } from '../define';
import type { declaration } from './mixture';
import * as tf from '@tensorflow/tfjs';
import { sampleMixture } from '../../score/datasets/mixture-data';

const run: RunOf<typeof declaration> = async (ctx) => {
  const { params } = ctx;
  const { points } = sampleMixture(params.components, params.count, params.seed);
  const data = tf.tensor2d(points, [params.count, 2]);
  const mixture = params.components.map((c) => ({ mean: [...c.mean], std: c.std, weight: c.weight }));
  const dataset = {
    kind: 'points' as const,
    shape: [2],
    count: params.count,
    data,
    name: `${mixture.length}-component mixture (${params.count} points)`,
    mixture,
    dispose: () => data.dispose(),
  };
  await previewDataset(ctx, dataset);
  return { dataset };
};

export default run;
