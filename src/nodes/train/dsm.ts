/** loss.dsm: denoising score matching over all noise levels, as in NCSN/NCSNv2. */
import { choice } from '../../graph';
import { declareNode, defineNode, lazy } from '../define';

export const declaration = declareNode({
  type: 'loss.dsm',
  title: 'Denoising score matching',
  category: 'Train',
  doc:
    'The NCSN training objective: perturb each example x with noise σ·z at a random level, and ' +
    'regress the network onto the score of the noise, −z/σ, weighted by σ² (so every level counts ' +
    'about equally): ½‖σ·s(x + σz, σ) + z‖², summed over dimensions and averaged over the batch, as ' +
    'the reference code does. A zero network scores D/2; a perfect one less, never 0 for real data.',
  inputs: {},
  outputs: { loss: { type: 'Loss', doc: 'The objective, for train.fit.' } },
  params: {
    sigmaPer: choice<'step' | 'sample'>({
      default: 'step',
      options: ['step', 'sample'] as const,
      label: 'σ drawn per',
      doc: 'Draw one noise level for the whole batch each step, or one per example.',
      optionDocs: {
        step: 'One level per step (our lab default): every step trains one level; the loss jumps from step to step by level.',
        sample:
          'One level per example (the reference code): each batch covers many levels, so gradients vary less.',
      },
    }),
  },

  infer: () => ({ loss: {} }),
});

export default defineNode({ ...declaration, run: lazy(() => import('./dsm.run')) });
