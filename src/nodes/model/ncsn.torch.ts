/**
 * model.ncsn in PyTorch: the compact net or the papers' RefineNet, with scoregraph's parameter
 * names and init. Images are NCHW here; checkpoint.py converts layouts to scoregraph's NHWC.
 */
import { defineTorchForm, py } from '../torch-form';
import { COMPACT_PY } from './ncsn-compact.torch';
import { LAYERS_PY } from './ncsn-layers.torch';
import { REFINENET_PY } from './ncsn-refinenet.torch';

interface NcsnParams {
  arch: 'compact' | 'refinenet';
  ngf: number;
  norm: 'instance++' | 'group' | 'batch' | 'none';
  conditioning: 'divide-by-sigma' | 'conditional-norm';
}

export default defineTorchForm<NcsnParams>({
  role: 'model',
  emit({ params, resolved }) {
    const { arch, ngf, norm, conditioning } = params;
    const shape = resolved.dataset.shape;
    if (shape.length !== 3)
      throw new Error(`model.ncsn needs images [H, W, C]; the dataset has items of shape [${shape}].`);
    const refinenet = arch === 'refinenet';
    return {
      code: LAYERS_PY + (refinenet ? REFINENET_PY : COMPACT_PY),
      build:
        `${refinenet ? 'RefineNet' : 'NCSN'}(shape=${py(shape)}, ngf=${ngf}, norm=${py(norm)}, ` +
        `conditioning=${py(conditioning)}, levels=${resolved.sigmas.length})`,
      checkpoint: { kind: 'ncsn', config: { arch, ngf, norm, conditioning } },
      summary: `${refinenet ? 'RefineNet' : 'compact NCSN'} conv score network: ngf ${ngf}, ${norm} norm, ${conditioning}`,
    };
  },
});
