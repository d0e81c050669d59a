/** optim.adam: Adam with an exponential moving average of the weights (NCSNv2 Technique 5). */
import { boolean, choice, integer, number } from '../../graph';
import type { LearningRateDecay } from '../../score/lr-schedule';
import { declareNode, defineNode, lazy } from '../define';

export const declaration = declareNode({
  type: 'optim.adam',
  title: 'Adam + EMA',
  category: 'Train',
  doc:
    'Adam, plus an exponential moving average of the weights that is used for sampling (NCSNv2 ' +
    'Technique 5: without it, sample quality swings from checkpoint to checkpoint). NCSNv2 trains ' +
    'with lr 1e-4, betas (0.9, 0.999), EMA 0.999 (the MNIST presets); NCSN v1 with lr 1e-3 and no ' +
    'average; the 2-D toy presets with lr 1e-2 and EMA 0.99 over a few thousand steps.',
  inputs: {},
  outputs: { optimizer: { type: 'Optimizer', doc: 'The optimiser settings, for train.fit.' } },
  params: {
    learningRate: number({
      default: 1e-3,
      min: 1e-7,
      max: 1,
      log: true,
      label: 'learning rate',
      doc: 'Adam step size (at its peak, when a schedule is set). Lower it if the loss turns NaN.',
    }),
    lrDecay: choice<LearningRateDecay>({
      default: 'constant',
      options: ['constant', 'linear', 'cosine'],
      label: 'lr decay',
      doc: 'How the rate changes over the run: held, or lowered to "decay to" × the rate by the last step.',
      optionDocs: {
        constant: 'The same rate at every step (the papers).',
        linear: 'Lowered in a straight line to "decay to" × the rate at the last step.',
        cosine: 'Lowered along half a cosine to "decay to" × the rate: slow at first, slow at the end.',
      },
    }),
    lrDecayTo: number({
      default: 0,
      min: 0,
      max: 1,
      label: 'decay to',
      doc: 'The rate at the last step, as a share of the learning rate (linear and cosine decay).',
    }),
    warmupSteps: integer({
      default: 0,
      min: 0,
      max: 1_000_000,
      label: 'warm-up steps',
      doc: 'Steps over which the rate rises from 0 at the start of the run (0: none). Warm-up and decay span this run: a run continued from a trained model starts them again.',
    }),
    beta1: number({ default: 0.9, min: 0, max: 0.9999, label: 'β1', doc: 'Decay of the gradient average.' }),
    beta2: number({
      default: 0.999,
      min: 0,
      max: 0.99999,
      label: 'β2',
      doc: 'Decay of the squared-gradient average.',
    }),
    epsilon: number({
      default: 1e-8,
      min: 1e-12,
      max: 1,
      log: true,
      label: 'ε',
      doc: 'Added to the root of the squared-gradient average, for stability.',
    }),
    ema: number({
      default: 0.999,
      min: 0,
      max: 0.99999,
      label: 'EMA',
      doc: 'Momentum m of the weight average, θ_ema ← m·θ_ema + (1 − m)·θ after every step; 0 samples the raw weights.',
    }),
    emaBiasCorrection: boolean({
      default: true,
      label: 'EMA bias correction',
      doc:
        'Average only the weights seen so far (like Adam’s correction): the reference code starts the ' +
        'average at the random initial weights, which still carry weight m^t after t steps (13% after ' +
        '2000 steps at 0.999). For runs much longer than 1/(1 − m) steps both agree.',
    }),
  },

  infer: () => ({ optimizer: {} }),
});

export default defineNode({ ...declaration, run: lazy(() => import('./adam.run')) });
