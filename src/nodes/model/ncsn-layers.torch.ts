/** Layers both model.ncsn architectures use in PyTorch: the norms of src/score/networks/norms.ts, a 3×3 conv. */
export const LAYERS_PY = `EPS = 1e-5


def group_count(channels):
    """GroupNorm's groups: the largest count <= min(F/4, 32) that divides F."""
    groups = max(1, min(channels // 4, 32))
    while channels % groups:
        groups -= 1
    return groups


class Norm(nn.Module):
    """instance++ (InstanceNorm++), group or batch norm with affine parameters packed in one
    tensor [gamma | alpha | beta] (instance++) or [gamma | beta]; with \`levels\` one row per
    noise level, picked by the label (NCSN's conditional instance norm++)."""

    def __init__(self, kind, channels, levels=None):
        super().__init__()
        self.kind, self.levels = kind, levels
        parts = 3 if kind == "instance++" else 2
        affine = torch.zeros((levels, parts * channels) if levels else (parts * channels,))
        noisy_ones = kind == "instance++" or levels is not None
        for i in range(parts - 1):  # gamma (and alpha); beta stays 0
            part = affine[..., i * channels : (i + 1) * channels]
            part.normal_(1, 0.02) if noisy_ones else part.fill_(1)
        self.affine = nn.Parameter(affine)

    def forward(self, x, labels):
        rows = self.affine[labels] if self.levels else self.affine[None]
        rows = rows[:, :, None, None]
        if self.kind == "instance++":
            gamma, alpha, beta = rows.chunk(3, 1)
            mean = x.mean((2, 3), keepdim=True)
            var = x.var((2, 3), unbiased=False, keepdim=True)
            spread = mean.var(1, keepdim=True) if x.shape[1] > 1 else torch.zeros_like(mean[:, :1])
            mean_tilde = (mean - mean.mean(1, keepdim=True)) / (spread + EPS).sqrt()
            return gamma * ((x - mean) / (var + EPS).sqrt() + alpha * mean_tilde) + beta
        gamma, beta = rows.chunk(2, 1)
        if self.kind == "batch":
            mean = x.mean((0, 2, 3), keepdim=True)
            var = x.var((0, 2, 3), unbiased=False, keepdim=True)
            return gamma * (x - mean) / (var + EPS).sqrt() + beta
        b, c, h, w = x.shape
        g = x.view(b, group_count(c), -1)
        mean = g.mean(2, keepdim=True)
        var = g.var(2, unbiased=False, keepdim=True)
        return gamma * ((g - mean) / (var + EPS).sqrt()).view(b, c, h, w) + beta


def make_norm(kind, channels, levels):
    return None if kind == "none" else Norm(kind, channels, levels)


def conv3(cin, cout, dilation=1):
    return nn.Conv2d(cin, cout, 3, padding=dilation, dilation=dilation)


def act(x, norm, labels):
    return F.elu(x if norm is None else norm(x, labels))


`;
