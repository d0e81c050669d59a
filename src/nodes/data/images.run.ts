/** data.images: the run body, loaded on the first run (see images.ts). */
import { previewDataset } from './dataset-preview.run';
import type { RunOf } from '../define';
import type { declaration } from './images';
import { loadUserImages } from '../../score/datasets/user-images';

const run: RunOf<typeof declaration> = async (ctx) => {
  const { params } = ctx;
  ctx.progress(0, `decoding ${params.images.length} images`);
  const dataset = await loadUserImages(params.images, params.size, params.color);
  ctx.progress(1, dataset.name);
  await previewDataset(ctx, dataset);
  return { dataset };
};

export default run;
