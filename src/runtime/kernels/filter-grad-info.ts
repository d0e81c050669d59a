/** The conv geometry of a Conv2DBackpropFilter call (NHWC), shared by our patched kernels. */
import * as tf from '@tensorflow/tfjs';

export interface FilterGradAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
  dataFormat?: string;
  /** Only our dilated filter-gradient kernel reads it (tfjs's Conv2DBackpropFilter has none). */
  dilations?: [number, number] | number;
}

export function filterGradInfo(
  x: tf.TensorInfo,
  attrs: tf.NamedAttrMap | undefined,
): { info: tf.backend_util.Conv2DInfo; filterShape: FilterGradAttrs['filterShape'] } {
  const { strides, pad, dimRoundingMode, filterShape, dataFormat, dilations } =
    attrs as unknown as FilterGradAttrs;
  if (dataFormat && dataFormat !== 'NHWC') throw new Error('Conv2DBackpropFilter: only NHWC is supported.');
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    dilations ?? 1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  return { info, filterShape };
}
