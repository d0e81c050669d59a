/**
 * The kinds that export to PyTorch, by type id: each form lives beside its kind as
 * `<kind>.torch.ts`. A kind missing here has no exported form (exporting a graph with it fails
 * and names it); viewers need none, since train.py writes its own samples and loss log.
 */
import type { TorchForm } from './torch-form';
import dataImages from './data/images.torch';
import dataMnist from './data/mnist.torch';
import dataToy2d from './data/toy2d.torch';
import modelMlp from './model/mlp.torch';
import modelNcsn from './model/ncsn.torch';
import noiseGeometric from './noise/geometric.torch';
import noiseNcsnv2 from './noise/ncsnv2.torch';
import sampleLangevin from './sample/langevin.torch';
import optimAdam from './train/adam.torch';
import lossDsm from './train/dsm.torch';
import trainFit from './train/fit.torch';

// Forms are typed by their own params; the exporter hands each the params of its node.
type AnyTorchForm = TorchForm<never>;

export const TORCH_FORMS: Readonly<Record<string, AnyTorchForm>> = {
  'data.toy2d': dataToy2d,
  'data.mnist': dataMnist,
  'data.images': dataImages,
  'noise.geometric': noiseGeometric,
  'noise.ncsnv2': noiseNcsnv2,
  'model.mlp': modelMlp,
  'model.ncsn': modelNcsn,
  'loss.dsm': lossDsm,
  'optim.adam': optimAdam,
  'train.fit': trainFit,
  'sample.langevin': sampleLangevin,
};
