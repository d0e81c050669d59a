/** mask.shape: the run body, loaded on the first run (see shape.ts). */
import { imagesDisplay } from '../view/displays';
import type { RunOf } from '../define';
import type { declaration } from './shape';
import * as tf from '@tensorflow/tfjs';
import { shapeMask } from '../../score/masks/shape-mask';

const run: RunOf<typeof declaration> = async (ctx) => {
  const { params, inputs } = ctx;
  // infer() refused a mask with neither connected.
  const shape = inputs.dataset?.shape ?? inputs.samples!.data.shape.slice(1);
  const values = shapeMask(shape, params);
  const [height, width, channels] = shape;
  const hidden = values.filter((v) => v === 0).length / channels;
  ctx.preview(
    imagesDisplay(
      values,
      [1, height, width, channels],
      1,
      `white = known, black = fill in · ${hidden} of ${height * width} pixels hidden`,
    ),
  );
  return { mask: { data: tf.tensor3d(values, [height, width, channels]) } };
};

export default run;
