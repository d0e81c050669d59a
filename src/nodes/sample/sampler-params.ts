/** Inputs and params shared by the sampler kinds, declared once so they read the same on every node. */
import { boolean, choice, integer, numberOrAuto, range, type SocketSpec } from '../../graph';

/** The model and the schedule every sampler anneals with. */
export const samplerInputs = {
  model: {
    type: 'Model',
    doc: 'A trained or exact score model (from train.fit, model.load or score.exact).',
  },
  schedule: { type: 'Schedule', doc: 'The noise levels to anneal through, largest first.' },
} as const satisfies Record<string, SocketSpec>;

export const samplerParams = {
  steps: integer({
    default: 5,
    min: 1,
    max: 10000,
    label: 'steps per level',
    doc: 'T, Langevin steps at each noise level (NCSNv2 n_steps_each: 5 for CIFAR-10; NCSN used 100).',
  }),
  stepSize: numberOrAuto({
    default: 'auto',
    min: 1e-12,
    max: 100,
    log: true,
    label: 'step size ε',
    doc: 'ε, the step at the smallest level; level i steps α_i = ε σ_i²/σ_L². Code values assume the NCSNv2 rule.',
    autoDoc:
      'NCSNv2 Technique 4: the ε that brings the Prop. 3 variance ratio closest to 1 for this schedule and T (doubled for the NCSN rule, which halves the step).',
  }),
  rule: choice({
    default: 'ncsnv2',
    options: ['ncsnv2', 'ncsn'] as const,
    doc: 'Which Langevin update: the two papers differ by a factor of 2.',
    optionDocs: {
      ncsnv2: 'x + α s + √(2α) z — NCSNv2 paper and both official codebases; released ε values assume it.',
      ncsn: 'x + (α/2) s + √α z — the NCSN paper (eq. 4) and its toy experiment.',
    },
  }),
  denoise: boolean({
    default: true,
    doc: 'Finish with one noise-free step x + σ_L² s(x, σ_L) (Tweedie), removing the last level’s grain.',
  }),
  seed: integer({
    default: 1,
    min: 1,
    max: 2147483646,
    doc: 'Change it to draw a different batch; the run’s seed is mixed in.',
  }),
};

export const initParams = {
  init: choice({
    default: 'uniform',
    options: ['uniform', 'gaussian', 'data'] as const,
    doc: 'Where the chains start.',
    optionDocs: {
      uniform: 'Uniform noise on initRange, as both official codebases (U[0, 1]).',
      gaussian: 'N(middle of initRange, σ_1²), as score_sde’s VE sampler.',
      data: 'Training items plus σ_1 noise (NCSNv2 data_init); connect a dataset.',
    },
  }),
  initRange: range({
    default: [0, 1],
    min: -1e4,
    max: 1e4,
    label: 'init range',
    doc: 'The [low, high] box that uniform starts are drawn from (the data’s range, usually [0, 1]).',
  }),
};

export const trajectoryParam = boolean({
  default: false,
  doc: 'Keep one snapshot per noise level, so view.images can show the chains anneal.',
});
