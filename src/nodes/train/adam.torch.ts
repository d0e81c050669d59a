/** optim.adam in PyTorch: torch.optim.Adam (the same update as tfjs's) and the EMA of src/score/ema.ts. */
import { defineTorchForm, py } from '../torch-form';

const CODE = `def make_optimizer(parameters):
    return torch.optim.Adam(parameters, lr=LEARNING_RATE, betas=(BETA1, BETA2), eps=EPSILON)


def learning_rate(step, steps):
    """Adam's rate at step (1-based) of a run of steps: a linear warm-up from 0, then held
    (LR_DECAY "constant") or lowered to LR_DECAY_TO × the rate by the last step, in a straight
    line or along half a cosine (scoregraph's src/score/lr-schedule.ts)."""
    warmup = WARMUP_STEPS
    if step <= warmup:
        return LEARNING_RATE * step / warmup
    if LR_DECAY == "constant":
        return LEARNING_RATE
    p = (step - warmup) / (steps - warmup)
    end = LEARNING_RATE * LR_DECAY_TO
    share = 1 - p if LR_DECAY == "linear" else 0.5 * (1 + math.cos(math.pi * p))
    return end + (LEARNING_RATE - end) * share


class EMA:
    """Exponential moving average of the weights, used for sampling (NCSNv2 Technique 5):
    shadow ← d·shadow + (1 − d)·θ after every step. d = EMA_MOMENTUM, or with bias correction
    d_t = 1 − (1 − m)/(1 − m^t): d_1 = 0 (the shadow starts at θ_1) and d_t → m later."""

    def __init__(self, module):
        self.shadow = {name: t.detach().clone() for name, t in module.state_dict().items()}

    @staticmethod
    def decay(t):
        m = EMA_MOMENTUM
        if not EMA_BIAS_CORRECTION or m == 0:
            return m
        return 1 - (1 - m) / (1 - m**t)

    @torch.no_grad()
    def update(self, module, t):
        d = self.decay(t)
        for name, theta in module.state_dict().items():
            self.shadow[name].mul_(d).add_(theta, alpha=1 - d)
`;

interface AdamParams {
  learningRate: number;
  lrDecay: string;
  lrDecayTo: number;
  warmupSteps: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  ema: number;
  emaBiasCorrection: boolean;
}

const scheduleNote = (p: AdamParams) =>
  (p.lrDecay === 'constant' ? '' : `, ${p.lrDecay} decay to ${p.lrDecayTo}×`) +
  (p.warmupSteps > 0 ? `, ${p.warmupSteps} warm-up steps` : '');

export default defineTorchForm<AdamParams>({
  role: 'optimizer',
  emit: ({ params }) => ({
    code: CODE,
    settings: {
      LEARNING_RATE: py(params.learningRate),
      LR_DECAY: py(params.lrDecay),
      LR_DECAY_TO: py(params.lrDecayTo),
      WARMUP_STEPS: py(params.warmupSteps),
      BETA1: py(params.beta1),
      BETA2: py(params.beta2),
      EPSILON: py(params.epsilon),
      EMA_MOMENTUM: py(params.ema),
      EMA_BIAS_CORRECTION: py(params.emaBiasCorrection),
    },
    summary: `Adam (lr ${params.learningRate}${scheduleNote(params)}) + EMA ${params.ema}${params.emaBiasCorrection ? ' with bias correction' : ''}`,
  }),
});
