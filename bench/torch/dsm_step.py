"""PyTorch twin of the bench networks and DSM step, timed on request (JSON lines over stdin/stdout).

The same MLP and NCSNv2-style conv score net as bench/baseline (InstanceNorm++, output / sigma),
the same DSM step (one sigma per step, 0.5 * ||f(x + sigma z) + z||^2 averaged over the batch),
Adam, and an EMA update of the weights. Commands:
  {"cmd": "setup", "net": {...}, "batch": 32, "levels": 10, "count": 512}
  {"cmd": "time", "steps": 10}  ->  {"ms": [wall ms per step], "cpu_ms": [process CPU ms per step], "loss": …}
"""
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Mlp(nn.Module):
    def __init__(self, dim, width, depth):
        super().__init__()
        sizes = [dim + 1] + [width] * depth
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))
        self.out = nn.Linear(sizes[-1], dim)

    def forward(self, x, sigma):
        h = torch.cat([x, sigma.log()[:, None]], 1)
        for layer in self.hidden:
            h = F.elu(layer(h))
        return self.out(h)


class InstanceNormPP(nn.Module):
    """gamma * (IN(x) + alpha * mu~) + beta, biased per-channel and unbiased across-channel variance."""

    def __init__(self, c):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(c))
        self.alpha = nn.Parameter(torch.ones(c))
        self.beta = nn.Parameter(torch.zeros(c))

    def forward(self, x):
        mean = x.mean((2, 3), keepdim=True)
        var = x.var((2, 3), keepdim=True, unbiased=False)
        m = mean.mean(1, keepdim=True)
        v = mean.var(1, keepdim=True, unbiased=True)
        h = (x - mean) / (var + 1e-5).sqrt() + self.alpha[None, :, None, None] * (mean - m) / (v + 1e-5).sqrt()
        return self.gamma[None, :, None, None] * h + self.beta[None, :, None, None]


class Residual(nn.Module):
    def __init__(self, cin, cout, dilation=1, down=False):
        super().__init__()
        mid = cin if down else cout
        self.norm1, self.norm2 = InstanceNormPP(cin), InstanceNormPP(mid)
        self.conv1 = nn.Conv2d(cin, mid, 3, padding=dilation, dilation=dilation)
        self.conv2 = nn.Conv2d(mid, cout, 3, padding=dilation, dilation=dilation)
        self.down = down
        self.shortcut = nn.Conv2d(cin, cout, 1) if (cin != cout or down) else None

    def forward(self, h):
        out = self.conv1(F.elu(self.norm1(h)))
        out = self.conv2(F.elu(self.norm2(out)))
        skip = h
        if self.down:
            out, skip = F.avg_pool2d(out, 2), F.avg_pool2d(h, 2)
        if self.shortcut is not None:
            skip = self.shortcut(skip)
        return skip + out


class Refine(nn.Module):
    def __init__(self, cins, cout, upsample_last):
        super().__init__()
        self.ins = nn.ModuleList(nn.Conv2d(c, cout, 3, padding=1) for c in cins)
        self.rcu1 = nn.Conv2d(cout, cout, 3, padding=1)
        self.rcu2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.upsample_last = upsample_last

    def forward(self, inputs):
        parts = [conv(F.elu(h)) for conv, h in zip(self.ins, inputs)]
        if self.upsample_last:
            parts[-1] = F.interpolate(parts[-1], scale_factor=2, mode="nearest")
        s = sum(parts)
        return s + self.rcu2(F.elu(self.rcu1(F.elu(s))))


class Ncsn(nn.Module):
    def __init__(self, size, channels, ngf):
        super().__init__()
        f, down = ngf, size % 2 == 0
        self.begin = nn.Conv2d(channels, f, 3, padding=1)
        self.blocks = nn.ModuleList([
            Residual(f, f), Residual(f, f),
            Residual(f, 2 * f, down=down), Residual(2 * f, 2 * f),
            Residual(2 * f, 2 * f, 2), Residual(2 * f, 2 * f, 2),
            Residual(2 * f, 2 * f, 4), Residual(2 * f, 2 * f, 4),
        ])
        self.refines = nn.ModuleList([
            Refine([2 * f], 2 * f, False), Refine([2 * f, 2 * f], 2 * f, False),
            Refine([2 * f, 2 * f], f, False), Refine([f, f], f, down),
        ])
        self.end_norm = InstanceNormPP(f)
        self.end = nn.Conv2d(f, channels, 3, padding=1)

    def forward(self, x, sigma):
        h = self.begin(2 * x - 1)
        stages = []
        for i, block in enumerate(self.blocks):
            h = block(h)
            if i % 2 == 1:
                stages.append(h)
        l1, l2, l3, l4 = stages
        r1 = self.refines[0]([l4])
        r2 = self.refines[1]([l3, r1])
        r3 = self.refines[2]([l2, r2])
        r4 = self.refines[3]([l1, r3])
        return self.end(F.elu(self.end_norm(r4)))


class Bench:
    def __init__(self, spec):
        torch.manual_seed(1)
        net = spec["net"]
        self.batch = spec["batch"]
        if net["kind"] == "mlp":
            self.model = Mlp(net["mlp"]["dim"], net["mlp"]["width"], net["mlp"]["depth"])
            self.shape = [net["mlp"]["dim"]]
        else:
            c = net["conv"]
            self.model = Ncsn(c["size"], c["channels"], c["ngf"])
            self.shape = [c["channels"], c["size"], c["size"]]
        self.data = torch.rand([spec.get("count", 512)] + self.shape)
        self.sigmas = torch.logspace(0, -2, spec.get("levels", 10))
        self.opt = torch.optim.Adam(self.model.parameters(), lr=1e-3)
        self.ema = [p.detach().clone() for p in self.model.parameters()]

    def step(self):
        idx = torch.randint(0, self.data.shape[0], (self.batch,))
        x = self.data[idx]
        sigma = self.sigmas[torch.randint(0, len(self.sigmas), (1,))].expand(self.batch)
        z = torch.randn_like(x)
        noisy = x + sigma.view(-1, *[1] * len(self.shape)) * z
        loss = 0.5 * (self.model(noisy, sigma) + z).pow(2).sum() / self.batch
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        self.opt.step()
        with torch.no_grad():
            for average, p in zip(self.ema, self.model.parameters()):
                average.mul_(0.999).add_(p, alpha=0.001)
        return loss.item()


def main():
    bench = None
    for line in sys.stdin:
        request = json.loads(line)
        if request["cmd"] == "setup":
            bench = Bench(request)
            params = sum(p.numel() for p in bench.model.parameters())
            reply = {"ok": True, "params": params, "threads": torch.get_num_threads(), "torch": torch.__version__}
        elif request["cmd"] == "time":
            times, cpu, loss = [], [], float("nan")
            for _ in range(request["steps"]):
                t0, c0 = time.perf_counter(), time.process_time()
                loss = bench.step()
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            reply = {"ms": times, "cpu_ms": cpu, "loss": loss}
        else:
            reply = {"error": "unknown command"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
