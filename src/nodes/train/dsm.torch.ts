/** loss.dsm in PyTorch: the same per-item loss as src/score/dsm.ts, and the same level draw. */
import { defineTorchForm, py } from '../torch-form';

const CODE = `def draw_levels(generator, batch, levels):
    """Level labels (0 = largest σ) for one global batch, uniform over L: one level for the
    whole batch (SIGMA_PER "step") or one per item ("sample", the reference code)."""
    if SIGMA_PER == "step":
        return torch.randint(levels, (1,), generator=generator).repeat(batch)
    return torch.randint(levels, (batch,), generator=generator)


def dsm_loss(net, divides_by_sigma, x, sigmas, labels, noise):
    """Per-item denoising score matching loss ½‖σ·s(x + σz, σ) + z‖², summed over dimensions
    (NCSN's anneal_dsm_score_estimation), σ = sigmas[labels]. A network that divides its output
    by σ (Technique 3) gives σ·s = f exactly, so its loss is ½‖f + z‖²."""
    sigma = sigmas[labels]
    s = sigma.view(-1, *[1] * (x.dim() - 1))
    out = net(x + s * noise, sigma, labels)
    residual = out + noise if divides_by_sigma else out * s + noise
    return 0.5 * residual.square().flatten(1).sum(1)
`;

export default defineTorchForm<{ sigmaPer: 'step' | 'sample' }>({
  role: 'loss',
  emit: ({ params }) => ({
    code: CODE,
    settings: { SIGMA_PER: `${py(params.sigmaPer)}  # noise level drawn per "step" or per "sample"` },
    summary: `denoising score matching, σ drawn per ${params.sigmaPer}`,
  }),
});
