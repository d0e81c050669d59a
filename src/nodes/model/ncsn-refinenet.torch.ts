/**
 * The papers' RefineNet (model.ncsn arch "refinenet", src/score/networks/refinenet.ts) in
 * PyTorch, module for module with the reference code's paths (`res2.0.conv1.weight` ↔
 * `res2.0.conv1/w`): NCSNv2's network with divide-by-sigma, NCSN v1's CondRefineNetDilated
 * with conditional-norm (norms in every refine layer, average-pool CRP).
 */
export const REFINENET_PY = `class ResidualBlock(nn.Module):
    """x + conv2(ELU(norm2(conv1(ELU(norm1(x)))))); "down" blocks mean-pool (or, dilated, keep
    the size) and take a shortcut conv (1×1, or 3×3 dilated)."""

    def __init__(self, cin, cout, norm, levels, down, dilation, can_pool):
        super().__init__()
        d = dilation or 1
        mid = cin if down else cout
        self.normalize1 = make_norm(norm, cin, levels)
        self.conv1 = conv3(cin, mid, d)
        self.normalize2 = make_norm(norm, mid, levels)
        self.conv2 = conv3(mid, cout, d)
        self.pool = down and dilation is None and can_pool
        self.shortcut = None
        if cin != cout or down:
            self.shortcut = conv3(cin, cout, d) if dilation else nn.Conv2d(cin, cout, 1)

    def forward(self, x, labels):
        out = self.conv1(act(x, self.normalize1, labels))
        out = self.conv2(act(out, self.normalize2, labels))
        if self.pool:
            out, x = F.avg_pool2d(out, 2), F.avg_pool2d(x, 2)
        return (x if self.shortcut is None else self.shortcut(x)) + out


class RCU(nn.Module):
    """Residual conv units: \`units\` × (x + conv(ELU(norm(conv(ELU(norm(x))))))), convs without
    bias; norms only in the conditional net."""

    def __init__(self, features, units, norm, levels):
        super().__init__()
        self.units = units
        for i in range(1, units + 1):
            for j in (1, 2):
                self.add_module(f"{i}_{j}_norm", make_norm(norm, features, levels) if levels else None)
                self.add_module(f"{i}_{j}_conv", nn.Conv2d(features, features, 3, padding=1, bias=False))

    def forward(self, h, labels):
        for i in range(1, self.units + 1):
            out = h
            for j in (1, 2):
                out = getattr(self, f"{i}_{j}_conv")(act(out, getattr(self, f"{i}_{j}_norm"), labels))
            h = out + h
        return h


class Fusion(nn.Module):
    """Multi-resolution fusion: per input (norm and) 3×3 conv, bilinear resize to the first input."""

    def __init__(self, inputs, features, norm, levels):
        super().__init__()
        self.norms = nn.ModuleList(make_norm(norm, c, levels) for c in inputs) if levels else None
        self.convs = nn.ModuleList(conv3(c, features) for c in inputs)

    def forward(self, hs, labels):
        size = hs[0].shape[2:]
        total = 0
        for i, h in enumerate(hs):
            if self.norms is not None:
                h = self.norms[i](h, labels)
            total = total + F.interpolate(self.convs[i](h), size=size, mode="bilinear", align_corners=True)
        return total


class ChainedPooling(nn.Module):
    """Chained residual pooling: twice path = conv(pool5(norm(path))), added to the output."""

    def __init__(self, features, norm, levels):
        super().__init__()
        self.norms = nn.ModuleList(make_norm(norm, features, levels) for _ in range(2)) if levels else None
        self.convs = nn.ModuleList(nn.Conv2d(features, features, 3, padding=1, bias=False) for _ in range(2))
        self.average = levels is not None

    def forward(self, x, labels):
        out = path = F.elu(x)
        for i in range(2):
            if self.norms is not None:
                path = self.norms[i](path, labels)
            pooled = F.avg_pool2d(path, 5, 1, 2) if self.average else F.max_pool2d(path, 5, 1, 2)
            path = self.convs[i](pooled)
            out = path + out
        return out


class RefineBlock(nn.Module):
    def __init__(self, inputs, features, end, norm, levels):
        super().__init__()
        self.adapt_convs = nn.ModuleList(RCU(c, 2, norm, levels) for c in inputs)
        self.msf = Fusion(inputs, features, norm, levels) if len(inputs) > 1 else None
        self.crp = ChainedPooling(features, norm, levels)
        self.output_convs = RCU(features, 3 if end else 1, norm, levels)

    def forward(self, hs, labels):
        hs = [rcu(h, labels) for rcu, h in zip(self.adapt_convs, hs)]
        fused = self.msf(hs, labels) if self.msf is not None else hs[0]
        return self.output_convs(self.crp(fused, labels), labels)


class RefineNet(nn.Module):
    """NCSNv2's score network (divide-by-sigma) or NCSN v1's CondRefineNetDilated
    (conditional-norm) for images [B, C, H, W] in [0, 1]."""

    # Parameter paths keep the reference's dots: "res2.0.conv1/w".
    PATH_SEPARATOR = "."

    def __init__(self, shape, ngf, norm, conditioning, levels):
        super().__init__()
        height, width, channels = shape
        self.shape = tuple(shape)
        conditional = conditioning == "conditional-norm"
        self.divides_by_sigma = not conditional
        lv = levels if conditional else None
        pool = height % 2 == 0 and width % 2 == 0
        f = ngf

        def res(cin, cout, down=False, dilation=None):
            return ResidualBlock(cin, cout, norm, lv, down, dilation, pool)

        self.begin_conv = conv3(channels, f)
        self.res1 = nn.ModuleList([res(f, f), res(f, f)])
        self.res2 = nn.ModuleList([res(f, 2 * f, down=True), res(2 * f, 2 * f)])
        self.res3 = nn.ModuleList([res(2 * f, 2 * f, True, 2), res(2 * f, 2 * f, dilation=2)])
        self.res4 = nn.ModuleList([res(2 * f, 2 * f, True, 4), res(2 * f, 2 * f, dilation=4)])
        self.refine1 = RefineBlock([2 * f], 2 * f, False, norm, lv)
        self.refine2 = RefineBlock([2 * f, 2 * f], 2 * f, False, norm, lv)
        self.refine3 = RefineBlock([2 * f, 2 * f], f, False, norm, lv)
        self.refine4 = RefineBlock([f, f], f, True, norm, lv)
        self.normalizer = make_norm(norm, f, lv)
        self.end_conv = conv3(f, channels)

    def forward(self, x, sigma, labels):
        h = self.begin_conv(2 * x - 1)
        layers = []
        for stage in (self.res1, self.res2, self.res3, self.res4):
            for block in stage:
                h = block(h, labels)
            layers.append(h)
        l1, l2, l3, l4 = layers
        r1 = self.refine1([l4], labels)
        r2 = self.refine2([l3, r1], labels)
        r3 = self.refine3([l2, r2], labels)
        r4 = self.refine4([l1, r3], labels)
        return self.end_conv(act(r4, self.normalizer, labels))
`;
