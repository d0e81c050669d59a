/**
 * sample.langevin in PyTorch: the chains' start and annealed Langevin dynamics with the graph's
 * settings (src/score/sampling/annealed-langevin.ts, initial-samples.ts); ε is the number
 * scoregraph resolved (Technique 4 when the param is 'auto').
 */
import { defineTorchForm, py } from '../torch-form';

const CODE = `def initial_samples(count, shape, device, generator, data=None):
    """Where the chains start: uniform on INIT_RANGE, N(middle, σ_1²), or data items + σ_1 noise."""
    lo, hi = INIT_RANGE
    if INIT == "uniform":
        return lo + (hi - lo) * torch.rand((count, *shape), generator=generator, device=device)
    noise = torch.randn((count, *shape), generator=generator, device=device)
    if INIT == "gaussian":
        return (lo + hi) / 2 + SIGMAS[0] * noise
    rows = torch.randint(len(data), (count,), generator=generator, device=device)
    return data[rows] + SIGMAS[0] * noise


@torch.no_grad()
def annealed_langevin(score_fn, x, generator):
    """NCSN Algorithm 1 / NCSNv2: T = STEPS updates at each σ_i with α_i = ε σ_i²/σ_L²,
    x + α s + √(2α) z ("ncsnv2") or x + (α/2) s + √α z ("ncsn"); then, with DENOISE, one
    Tweedie step x + σ_L² s(x, σ_L). The chain is never clamped."""
    last = len(SIGMAS) - 1
    for i, sigma in enumerate(SIGMAS):
        alpha = STEP_SIZE * sigma**2 / SIGMAS[last] ** 2
        drift, spread = (alpha, (2 * alpha) ** 0.5) if RULE == "ncsnv2" else (alpha / 2, alpha**0.5)
        sigmas = torch.full((len(x),), sigma, device=x.device)
        labels = torch.full((len(x),), i, dtype=torch.long, device=x.device)
        for _ in range(STEPS):
            z = torch.randn(x.shape, generator=generator, device=x.device)
            x = x + drift * score_fn(x, sigmas, labels) + spread * z
    if DENOISE:
        sigmas = torch.full((len(x),), SIGMAS[last], device=x.device)
        labels = torch.full((len(x),), last, dtype=torch.long, device=x.device)
        x = x + SIGMAS[last] ** 2 * score_fn(x, sigmas, labels)
    return x
`;

interface LangevinParams {
  count: number;
  steps: number;
  stepSize: number | 'auto';
  rule: 'ncsnv2' | 'ncsn';
  denoise: boolean;
  init: 'uniform' | 'gaussian' | 'data';
  initRange: [number, number];
  seed: number;
}

export default defineTorchForm<LangevinParams>({
  role: 'sampler',
  emit: ({ nodeId, params, resolved }) => {
    const eps = resolved.stepSizes[nodeId];
    if (eps === undefined) throw new Error(`Sampler "${nodeId}": its step size was not resolved.`);
    const how = params.stepSize === 'auto' ? 'NCSNv2 Technique 4, computed by scoregraph' : 'from the graph';
    return {
      code: CODE,
      settings: {
        COUNT: `${params.count}  # chains`,
        STEPS: `${params.steps}  # T, Langevin steps per noise level`,
        STEP_SIZE: `${py(eps)}  # ε, the step at the smallest level (${how})`,
        RULE: py(params.rule),
        DENOISE: py(params.denoise),
        INIT: py(params.init),
        INIT_RANGE: py(params.initRange),
        SEED: py(params.seed),
      },
      summary:
        `annealed Langevin: ${params.count} chains, ${params.steps} steps per level, ε ${eps.toExponential(3)} ` +
        `(${params.rule} rule${params.denoise ? ', final denoise' : ''}), init ${params.init}`,
    };
  },
});
