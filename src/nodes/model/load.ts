/**
 * model.load: a trained network from a checkpoint, ready to sample (or to train further with
 * train.fit). The checkpoint is named by the `checkpoint` param, which the host reads:
 * in the editor, drop a .ckpt.json + .ckpt.bin pair or a .ckpt.zip on the node, which stores
 * it in this browser and fills in all three params; in the CLI, give the path of a .ckpt.json.
 * `shape` and `levels` repeat what the checkpoint says, so samplers can be checked before
 * anything runs; run() verifies them against the checkpoint itself.
 */
import { integer, text } from '../../graph';
import { declareNode, defineNode, lazy, InferError } from '../define';
import { parseShape } from '../../graph/checkpoint-header';

export const declaration = declareNode({
  type: 'model.load',
  title: 'Load trained model',
  category: 'Model',
  doc: 'A trained score network from a checkpoint file (EMA weights for sampling, raw weights and step count for resuming), with the noise levels it was trained on.',
  inputs: {},
  outputs: {
    model: { type: 'Model', doc: 'The trained network, ready for samplers or to resume training.' },
  },
  params: {
    checkpoint: text({
      default: '',
      maxLength: 1000,
      doc: 'Which checkpoint: in the editor, drop its .ckpt.json + .ckpt.bin (or .ckpt.zip) on this node; in the CLI, the path of a .ckpt.json file.',
    }),
    shape: text({
      default: '',
      maxLength: 40,
      doc: 'Shape of one data item the model works on ("2" for points, "28,28,1" for images); filled in from the checkpoint. Empty: known only when it runs.',
    }),
    levels: integer({
      default: 0,
      min: 0,
      max: 10000,
      doc: 'Noise levels a conditionally normalised network is tied to; filled in from the checkpoint. 0: any schedule works.',
    }),
  },

  infer({ params }) {
    if (!params.checkpoint.trim())
      throw new InferError(
        'Choose a checkpoint: drop a .ckpt.json + .ckpt.bin pair (or a .ckpt.zip) on this node, or in the CLI set "checkpoint" to a .ckpt.json path.',
        { param: 'checkpoint' },
      );
    const shape = params.shape.trim() ? parseShape(params.shape) : null;
    if (params.shape.trim() && !shape)
      throw new InferError(
        `"shape" must be 1 to 3 whole numbers separated by commas, like "2" or "28,28,1" (got "${params.shape}").`,
        { param: 'shape' },
      );
    return {
      model: {
        ready: true as const,
        exact: false,
        kind: 'checkpoint',
        shape,
        levels: params.levels > 0 ? params.levels : null,
      },
    };
  },

  summarize({ model }) {
    const trained = model.ready && !model.exact ? model : null;
    const sigmas = trained?.sigmas ?? [];
    return {
      kind: model.kind,
      shape: trained?.shape ?? null,
      levels: trained ? sigmas.length : null,
      sigmaMax: sigmas[0] ?? null,
      sigmaMin: sigmas.at(-1) ?? null,
      step: trained?.step ?? null,
    };
  },
});

export default defineNode({ ...declaration, run: lazy(() => import('./load.run')) });
