/** The one list of shipped node kinds (type ids are part of the file format — keep them). */
import type { AnyNodeKind } from './define';
import sampleInpaint from './sample/inpaint';
import sampleInterpolate from './sample/interpolate';
import sampleLangevin from './sample/langevin';
import sampleReconstruct from './sample/reconstruct';
import viewImages from './view/images';
import viewPoints from './view/points';

export const ALL_KINDS: readonly AnyNodeKind[] = [
  sampleLangevin,
  sampleInpaint,
  sampleInterpolate,
  sampleReconstruct,
  viewImages,
  viewPoints,
];
