/**
 * The compact model.ncsn (arch "compact", src/score/networks/ncsn.ts) in PyTorch: the same
 * blocks, parameter names (`res1a.conv1.weight` ↔ `res1a/conv1/w`) and init.
 */
export const COMPACT_PY = `class ResBlock(nn.Module):
    """Pre-activation residual block: x + conv2(ELU(norm2(conv1(ELU(norm1(x)))))), with a 1×1
    shortcut when the channels change and a 2×2 mean pool when going down."""

    def __init__(self, cin, cout, norm, levels, down=False, dilation=1):
        super().__init__()
        mid = cin if down else cout
        self.down = down
        self.norm1 = make_norm(norm, cin, levels)
        self.conv1 = conv3(cin, mid, dilation)
        self.norm2 = make_norm(norm, mid, levels)
        self.conv2 = conv3(mid, cout, dilation)
        self.shortcut = nn.Conv2d(cin, cout, 1) if cin != cout or down else None

    def forward(self, x, labels):
        out = self.conv1(act(x, self.norm1, labels))
        out = self.conv2(act(out, self.norm2, labels))
        skip = x
        if self.down:
            out, skip = F.avg_pool2d(out, 2), F.avg_pool2d(x, 2)
        if self.shortcut is not None:
            skip = self.shortcut(skip)
        return skip + out


class RefineBlock(nn.Module):
    """A light RefineNet block: per input ELU + 3×3 conv (upsampled 2× after it when the input is
    coarser), summed, then one residual conv unit (ELU, conv, ELU, conv); no normalisation."""

    def __init__(self, channels, cout, upsample):
        super().__init__()
        self.upsample = upsample
        for i, cin in enumerate(channels):
            self.add_module(f"in{i}", conv3(cin, cout))
        self.rcu1 = conv3(cout, cout)
        self.rcu2 = conv3(cout, cout)

    def forward(self, inputs):
        total = 0
        for i, h in enumerate(inputs):
            y = getattr(self, f"in{i}")(F.elu(h))
            total = total + (F.interpolate(y, scale_factor=2, mode="nearest") if self.upsample[i] else y)
        return total + self.rcu2(F.elu(self.rcu1(F.elu(total))))


class NCSN(nn.Module):
    """The compact NCSNv2-style score net for images [B, C, H, W] in [0, 1]: begin conv of
    2x − 1, four stages of two residual blocks (ngf at H; 2ngf at H/2; then dilation 2 and 4),
    four refine blocks back up, and an end conv after ELU(norm). Divided by σ (Technique 3)
    unless the norms are conditional (NCSN's CIN++), which then carry the noise level."""

    # scoregraph names the end block's norm "end/norm" (the end conv is "end/w", "end/b").
    RENAMES = {"end_norm": "end/norm"}

    def __init__(self, shape, ngf, norm, conditioning, levels):
        super().__init__()
        height, width, channels = shape
        self.shape = tuple(shape)
        conditional = conditioning == "conditional-norm"
        self.divides_by_sigma = not conditional
        lv = levels if conditional else None
        down = height % 2 == 0 and width % 2 == 0
        f = ngf
        self.begin = conv3(channels, f)
        self.res1a, self.res1b = ResBlock(f, f, norm, lv), ResBlock(f, f, norm, lv)
        self.res2a, self.res2b = ResBlock(f, 2 * f, norm, lv, down=down), ResBlock(2 * f, 2 * f, norm, lv)
        self.res3a, self.res3b = (ResBlock(2 * f, 2 * f, norm, lv, dilation=2) for _ in range(2))
        self.res4a, self.res4b = (ResBlock(2 * f, 2 * f, norm, lv, dilation=4) for _ in range(2))
        self.refine1 = RefineBlock([2 * f], 2 * f, [False])
        self.refine2 = RefineBlock([2 * f, 2 * f], 2 * f, [False, False])
        self.refine3 = RefineBlock([2 * f, 2 * f], f, [False, False])
        self.refine4 = RefineBlock([f, f], f, [False, down])
        self.end_norm = make_norm(norm, f, lv)
        self.end = conv3(f, channels)

    def forward(self, x, sigma, labels):
        h = self.begin(2 * x - 1)
        stages = []
        for a, b in ((self.res1a, self.res1b), (self.res2a, self.res2b), (self.res3a, self.res3b), (self.res4a, self.res4b)):
            h = b(a(h, labels), labels)
            stages.append(h)
        l1, l2, l3, l4 = stages
        r1 = self.refine1([l4])
        r2 = self.refine2([l3, r1])
        r3 = self.refine3([l2, r2])
        r4 = self.refine4([l1, r3])
        return self.end(act(r4, self.end_norm, labels))
`;
