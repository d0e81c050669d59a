/** data.toy2d: the run body, loaded on the first run (see toy2d.ts). */
import { previewDataset } from './dataset-preview.run';
import type { RunOf } from '../define';
import type { declaration } from './toy2d';
import * as tf from '@tensorflow/tfjs';
import { toyPoints } from '../../score/datasets/toy2d';

const run: RunOf<typeof declaration> = async (ctx) => {
  const { params } = ctx;
  const points = toyPoints(params.shape, params.count, params.noise, params.seed);
  const data = tf.tensor2d(points, [params.count, 2]);
  const dataset = {
    kind: 'points' as const,
    shape: [2],
    count: params.count,
    data,
    name: `${params.shape} (${params.count} points)`,
    dispose: () => data.dispose(),
  };
  await previewDataset(ctx, dataset);
  return { dataset };
};

export default run;
