/** Shows a freshly made dataset on its node: a point cloud, or a grid of the first images. */
import type { DisplayPayload } from '../display';
import type { DatasetValue } from '../sockets';
import { samplesDisplay } from '../view/displays';
import { readItems } from '../../score/sampling/read-items';

/** Every point of a cloud is cheap to draw; images are capped at a screenful. */
const PREVIEW_IMAGES = 64;
const PREVIEW_POINTS = 10000;

export async function previewDataset(
  ctx: { preview(payload: DisplayPayload): void },
  dataset: DatasetValue,
): Promise<void> {
  const { values, shape } = await readItems(
    dataset.data,
    dataset.kind === 'points' ? PREVIEW_POINTS : PREVIEW_IMAGES,
  );
  const shown = shape[0] < dataset.count ? ` (first ${shape[0]} shown)` : '';
  ctx.preview(samplesDisplay(values, shape, `${dataset.name} · ${dataset.count} items${shown}`));
}
