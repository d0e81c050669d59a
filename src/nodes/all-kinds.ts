/** The one list of shipped node kinds (type ids are part of the file format — keep them). */
import type { AnyNodeKind } from './define';
import dataImages from './data/images';
import dataMixture from './data/mixture';
import dataMnist from './data/mnist';
import dataPick from './data/pick';
import dataToy2d from './data/toy2d';
import maskShape from './mask/shape';
import metricDigits from './metric/digits';
import metricPoints from './metric/points';
import modelLoad from './model/load';
import modelMlp from './model/mlp';
import modelNcsn from './model/ncsn';
import noiseGeometric from './noise/geometric';
import noiseNcsnv2 from './noise/ncsnv2';
import sampleInpaint from './sample/inpaint';
import sampleInterpolate from './sample/interpolate';
import sampleLangevin from './sample/langevin';
import sampleReconstruct from './sample/reconstruct';
import scoreExact from './exact/exact';
import optimAdam from './train/adam';
import lossDsm from './train/dsm';
import trainFit from './train/fit';
import viewImages from './view/images';
import viewLoss from './view/loss';
import viewPoints from './view/points';

export const ALL_KINDS: readonly AnyNodeKind[] = [
  dataMnist,
  dataToy2d,
  dataMixture,
  dataImages,
  dataPick,
  noiseGeometric,
  noiseNcsnv2,
  modelMlp,
  modelNcsn,
  lossDsm,
  optimAdam,
  trainFit,
  scoreExact,
  modelLoad,
  maskShape,
  sampleLangevin,
  sampleInpaint,
  sampleInterpolate,
  sampleReconstruct,
  viewImages,
  viewPoints,
  viewLoss,
  metricDigits,
  metricPoints,
];
