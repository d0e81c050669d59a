/** Shows a freshly made dataset on its node: a point cloud, or a grid of the first images. */
import type { DisplayPayload } from '../display';
import type { DatasetValue } from '../sockets';
import { pointsDisplay, samplesDisplay } from '../view/displays';
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
  const caption = `${dataset.name} · ${dataset.count} items${shown}`;
  ctx.preview(
    dataset.kind === 'points'
      ? // Drawn as data (the data colour and legend entry), not as samples: there are none yet.
        pointsDisplay(new Float32Array(0), { overlay: values, caption })
      : samplesDisplay(values, shape, caption),
  );
}
