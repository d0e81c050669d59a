"""PyTorch twin of the GPU pack's cases: dsm_step.py's nets and DSM + Adam + EMA step, timed per device.

Runs (--plan, comma-separated):
  cuda          CUDA eager, fp32 with TF32 off (WebGPU computes in fp32: the fair reference)
  cuda-compile  torch.compile(model), default mode, TF32 off (compile time reported as warm-up)
  cpu           CPU, --threads threads (default: all cores)
Timing: the step with indices drawn on the device and no per-step .item(); chunks of N steps end
in a synchronize (cuda) and ms/step is the median over chunks after the first. Rows are merged into
--out (JSON), rewritten after every case, so a timeout never loses what was measured.
Also records which BLAS the process loaded (Debian's torch uses the system libblas: the reference
BLAS unless OpenBLAS is installed, 2-3x slower on CPU).
"""
import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dsm_step  # noqa: E402

START = time.perf_counter()

CASES = {
    "mlp": ({"kind": "mlp", "mlp": {"dim": 2, "width": 128, "depth": 3}}, 256, 2000),
    "conv-bench": ({"kind": "conv", "conv": {"size": 28, "channels": 1, "ngf": 16}}, 32, 512),
    "conv-mnist": ({"kind": "conv", "conv": {"size": 28, "channels": 1, "ngf": 32}}, 128, 10000),
}
TINY = {
    "mlp": ({"kind": "mlp", "mlp": {"dim": 2, "width": 32, "depth": 3}}, 64, 500),
    "conv-bench": ({"kind": "conv", "conv": {"size": 7, "channels": 1, "ngf": 4}}, 4, 32),
    "conv-mnist": ({"kind": "conv", "conv": {"size": 14, "channels": 1, "ngf": 4}}, 8, 64),
}


def log(text):
    print(f"[torch {time.perf_counter() - START:6.1f}s] {text}", flush=True)


def loaded_blas():
    """Shared libraries of a BLAS/LAPACK flavour mapped into this process (after a matmul)."""
    torch.ones(64, 64) @ torch.ones(64, 64)
    found = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                name = os.path.basename(path)
                if any(k in name for k in ("blas", "lapack", "mkl", "atlas")):
                    found.add(os.path.realpath(path))
    except OSError:
        pass
    return sorted(found)


class DeviceBench(dsm_step.Bench):
    def __init__(self, spec, device, compiled):
        super().__init__(spec)
        self.device = device
        self.model.to(device)
        self.data = self.data.to(device)
        self.sigmas = self.sigmas.to(device)
        self.opt = torch.optim.Adam(self.model.parameters(), lr=1e-3)
        self.ema = [p.detach().clone() for p in self.model.parameters()]
        self.forward = torch.compile(self.model) if compiled else self.model

    def device_step(self):
        idx = torch.randint(0, self.data.shape[0], (self.batch,), device=self.device)
        x = self.data[idx]
        sigma = self.sigmas[torch.randint(0, len(self.sigmas), (1,), device=self.device)].expand(self.batch)
        z = torch.randn_like(x)
        noisy = x + sigma.view(-1, *[1] * len(self.shape)) * z
        loss = 0.5 * (self.forward(noisy, sigma) + z).pow(2).sum() / self.batch
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        self.opt.step()
        with torch.no_grad():
            for average, p in zip(self.ema, self.model.parameters()):
                average.mul_(0.999).add_(p, alpha=0.001)
        return loss.detach()


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def time_case(spec, device, compiled, chunk, seconds):
    t0 = time.perf_counter()
    bench = DeviceBench(spec, device, compiled)
    for _ in range(3):
        bench.device_step()
    sync(device)
    warmup = time.perf_counter() - t0
    chunks, losses = [], []
    t_case = time.perf_counter()
    while len(chunks) < 3 or (time.perf_counter() - t_case < seconds and len(chunks) < 40):
        c0 = time.perf_counter()
        total = torch.zeros((), device=device)
        for _ in range(chunk):
            total += bench.device_step()
        sync(device)
        chunks.append((time.perf_counter() - c0) * 1000 / chunk)
        losses.append(total.item() / chunk)
    steady = sorted(chunks[1:])
    return {
        "msPerStep": steady[len(steady) // 2],
        "chunks": [round(c, 3) for c in chunks],
        "chunk": chunk,
        "warmupS": round(warmup, 2),
        "params": sum(p.numel() for p in bench.model.parameters()),
        "lossFirst": losses[0],
        "lossLast": losses[-1],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--plan", default="cuda,cuda-compile,cpu")
    ap.add_argument("--cases", default="mlp,conv-bench,conv-mnist")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seconds", type=float, default=3.0, help="timing per case, after warm-up")
    ap.add_argument("--tiny", action="store_true")
    a = ap.parse_args()
    try:
        with open(a.out) as f:
            doc = json.load(f)
    except (OSError, ValueError):
        doc = {}

    def save():
        with open(a.out + ".tmp", "w") as f:
            json.dump(doc, f, indent=1)
        os.replace(a.out + ".tmp", a.out)

    torch.set_num_threads(a.threads)
    env = {
        "torch": torch.__version__,
        "python": sys.version.split()[0],
        "threads": torch.get_num_threads(),
        "blas": loaded_blas(),
        "cuda": torch.cuda.is_available(),
    }
    if env["cuda"]:
        env.update(gpu=torch.cuda.get_device_name(0), cudaVersion=torch.version.cuda, cudnn=torch.backends.cudnn.version())
    doc["env"] = env
    log(f"torch {env['torch']}, {env['threads']} CPU threads, BLAS loaded: {', '.join(env['blas']) or 'none found'}")
    save()
    # fp32 everywhere: WebGPU has no TF32.
    torch.backends.cudnn.allow_tf32 = False
    torch.backends.cuda.matmul.allow_tf32 = False
    table = TINY if a.tiny else CASES
    for run in a.plan.split(","):
        device = torch.device("cuda" if run.startswith("cuda") else "cpu")
        rows = doc.setdefault(run, {})
        if device.type == "cuda" and not env["cuda"]:
            rows["error"] = "CUDA is not available"
            log(f"{run}: CUDA is not available")
            save()
            continue
        for name in a.cases.split(","):
            net, batch, count = table[name]
            spec = {"net": net, "batch": batch, "count": count, "levels": 10}
            chunk = (25 if name == "mlp" else 10) if device.type == "cuda" else (5 if name == "mlp" else 2)
            try:
                rows[name] = time_case(spec, device, run.endswith("-compile"), chunk, a.seconds)
                log(f"{run} {name}: {rows[name]['msPerStep']:.3f} ms/step (warm-up {rows[name]['warmupS']} s)")
            except Exception as e:  # the other cases still count
                rows[name] = {"error": f"{type(e).__name__}: {e}"[:800]}
                log(f"{run} {name}: ERROR {rows[name]['error']}")
            save()


if __name__ == "__main__":
    main()
