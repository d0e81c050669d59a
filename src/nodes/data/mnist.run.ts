/** data.mnist: the run body, loaded on the first run (see mnist.ts). */
import { previewDataset } from './dataset-preview.run';
import type { RunOf } from '../define';
import { BUNDLED_DIGIT_COUNTS, type declaration } from './mnist';
import { loadMnist } from '../../score/datasets/mnist';

const run: RunOf<typeof declaration> = async (ctx) => {
  const { params } = ctx;
  const available = params.digits.reduce((sum, d) => sum + BUNDLED_DIGIT_COUNTS[d], 0);
  ctx.progress(0, 'loading digits');
  const dataset = await loadMnist({
    digits: params.digits,
    size: params.size as 28 | 14 | 7,
    count: Math.min(params.count, available),
  });
  ctx.progress(1, `${dataset.count} images, ${params.size}×${params.size}`);
  await previewDataset(ctx, dataset);
  return { dataset };
};

export default run;
