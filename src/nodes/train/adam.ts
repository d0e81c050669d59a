/** optim.adam: Adam with an exponential moving average of the weights (NCSNv2 Technique 5). */
import { boolean, number } from '../../graph';
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
      doc: 'Adam step size. Lower it if the loss turns NaN.',
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
