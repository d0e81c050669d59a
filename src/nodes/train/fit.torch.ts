/**
 * train.fit in PyTorch: train.py's loop, on one device or many with DistributedDataParallel
 * (torchrun). The graph's global batch is split across the ranks and DDP's gradient average is
 * scaled back to the mean over that batch, so N ranks take the same steps as one; data order
 * and noise levels come from one generator all ranks share, z from each rank's own.
 */
import { defineTorchForm } from '../torch-form';

const CODE = `def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, help=f"total optimiser steps (graph: {STEPS})")
    p.add_argument("--batch", type=int, help=f"global batch, split across ranks (graph: {BATCH})")
    p.add_argument("--resume", action="store_true", help="continue from OUT/model.ckpt.json")
    p.add_argument("--out", default="runs", help="checkpoints, loss log and samples (default: runs)")
    p.add_argument("--checkpoint-every", type=int, default=0, help="steps between checkpoints (default: STEPS/10)")
    p.add_argument("--no-sample", action="store_true", help="skip sampling at the end")
    return p.parse_args()


def setup_distributed():
    """(rank, world size, device): torchrun's environment when present, else one process."""
    cuda = torch.cuda.is_available()
    if "WORLD_SIZE" not in os.environ:
        return 0, 1, torch.device("cuda" if cuda else "cpu")
    dist.init_process_group("nccl" if cuda else "gloo")
    if cuda:
        local = int(os.environ["LOCAL_RANK"])
        torch.cuda.set_device(local)
        return dist.get_rank(), dist.get_world_size(), torch.device("cuda", local)
    return dist.get_rank(), dist.get_world_size(), torch.device("cpu")


class BatchOrder:
    """Global batches of row indices, reshuffled (seeded) every epoch."""

    def __init__(self, count, generator):
        self.count, self.generator, self.position = count, generator, count

    def next(self, size):
        parts = []
        while size > 0:
            if self.position == self.count:
                self.order, self.position = torch.randperm(self.count, generator=self.generator), 0
            take = min(size, self.count - self.position)
            parts.append(self.order[self.position : self.position + take])
            self.position, size = self.position + take, size - take
        return torch.cat(parts)


def log_line(step, steps, sums, counts):
    per_level = [(s / c if c else float("nan")) for s, c in zip(sums.tolist(), counts.tolist())]
    loss = sums.sum().item() / counts.sum().item()
    levels = " ".join(f"{sigma:.3g}:{value:.3f}" for sigma, value in zip(SIGMAS, per_level) if value == value)
    print(f"step {step}/{steps}  loss {loss:.4f}  per σ {levels}", flush=True)
    return {"step": step, "loss": loss, "perLevel": [v if v == v else None for v in per_level]}


def main():
    args = parse_args()
    rank, world, device = setup_distributed()
    steps, batch = args.steps or STEPS, args.batch or BATCH
    if batch < world:
        raise SystemExit(f"The global batch ({batch}) must be at least the number of ranks ({world}).")
    every = args.checkpoint_every or max(1, steps // 10)
    out = Path(args.out)
    stem = out / "model"

    torch.manual_seed(SEED)  # the same initial weights on every rank
    model = build_model().to(device)
    ema = EMA(model)
    optimizer = make_optimizer(model.parameters())
    start = 0
    if args.resume:
        params, shadow, header = load_checkpoint(stem, model)
        model.load_state_dict(params)
        ema.shadow = {name: t.to(device) for name, t in shadow.items()}
        start = header["step"]
        state = Path(f"{stem}.optim.pt")
        if state.exists():
            optimizer.load_state_dict(torch.load(state, map_location=device))
        if rank == 0:
            print(f"resumed from {stem}.ckpt.json at step {start}", flush=True)
    net = model
    if world > 1:
        net = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)

    data = load_data().to(device)
    sigmas = torch.tensor(SIGMAS, device=device)
    levels = len(SIGMAS)
    shared = torch.Generator().manual_seed(SEED * 7919 + start)  # data order and levels, same on all ranks
    own = torch.Generator(device=device).manual_seed(SEED * 1_000_003 + 7919 * rank + start + 1)
    order = BatchOrder(len(data), shared)
    lo, hi = rank * batch // world, (rank + 1) * batch // world
    sums = torch.zeros(levels, device=device)
    counts = torch.zeros(levels, device=device)
    if rank == 0:
        out.mkdir(parents=True, exist_ok=True)
        print(f"training {steps - start} steps on {world} × {device.type}, global batch {batch}", flush=True)
    started = time.time()

    for step in range(start + 1, steps + 1):
        rows = order.next(batch)[lo:hi].to(device)
        labels = draw_levels(shared, batch, levels)[lo:hi].to(device)
        x = data[rows]
        noise = torch.randn(x.shape, generator=own, device=device)
        per_item = dsm_loss(net, model.divides_by_sigma, x, sigmas, labels, noise)
        optimizer.zero_grad(set_to_none=True)
        # DDP averages the ranks' gradients; this scale makes that the mean over the global batch.
        (per_item.sum() * world / batch).backward()
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(step, steps)
        optimizer.step()
        ema.update(model, step)
        sums.index_add_(0, labels, per_item.detach())
        counts.index_add_(0, labels, torch.ones_like(per_item))

        if step % LOG_EVERY == 0 or step == steps:
            if world > 1:
                dist.all_reduce(sums)
                dist.all_reduce(counts)
            if rank == 0:
                entry = log_line(step, steps, sums, counts)
                with open(out / "losses.jsonl", "a") as f:
                    f.write(json.dumps(entry) + "\\n")
            sums.zero_()
            counts.zero_()
        if rank == 0 and (step % every == 0 or step == steps):
            save_checkpoint(stem, model, model.state_dict(), ema.shadow, step, SIGMAS)
            torch.save(optimizer.state_dict(), f"{stem}.optim.pt")

    if rank == 0 and steps > start:
        seconds = time.time() - started
        print(f"{steps - start} steps in {seconds:.1f} s ({(steps - start) / seconds:.1f} steps/s)", flush=True)
    if world > 1:
        dist.barrier()
        dist.destroy_process_group()
    if rank == 0 and not args.no_sample:
        sampler = build_model().to(device)
        sampler.load_state_dict(ema.shadow)  # samples use the EMA weights
        sample_to_files(sampler, out, device, data)


if __name__ == "__main__":
    main()
`;

export default defineTorchForm<{ steps: number; batchSize: number; seed: number; logEvery: number }>({
  role: 'trainer',
  emit: ({ params }) => ({
    code: CODE,
    settings: {
      STEPS: `${params.steps}  # optimiser steps`,
      BATCH: `${params.batchSize}  # global batch, split across the ranks`,
      SEED: String(params.seed),
      LOG_EVERY: String(params.logEvery),
    },
    summary: `${params.steps} steps, global batch ${params.batchSize}, seed ${params.seed}, log every ${params.logEvery}`,
  }),
});
