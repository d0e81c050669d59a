/** view.loss: the training loss curve, optionally with the mean loss at each noise level. */
import { boolean } from '../../graph';
import { declareNode, defineNode, lazy } from '../define';

export const declaration = declareNode({
  type: 'view.loss',
  title: 'Loss curve',
  category: 'View',
  doc:
    'Plots the DSM loss read back during training (mean over each log interval). With σ² weighting ' +
    'every level contributes on the same scale; a network that outputs 0 scores D/2, so a trained ' +
    'one must come in well below that. Per level: small σ levels stay near D/2 longest.',
  view: true,
  inputs: { losses: { type: 'Losses', doc: 'The loss log of a train.fit node.' } },
  outputs: {},
  params: {
    perLevel: boolean({
      default: false,
      label: 'per level',
      doc: 'Also show the mean loss at each noise level over the run (σ_1, the largest, first).',
    }),
  },

  infer: () => ({}),
});

export default defineNode({ ...declaration, run: lazy(() => import('./loss.run')) });
