/**
 * sample.py of an exported project: the sampler node's code and settings, the PNG writers that
 * stand in for scoregraph's viewers, and a command line to sample again from any checkpoint.
 */
const FRAME_HEAD = `import argparse
import math
import struct
import zlib
from pathlib import Path

import numpy as np
import torch

from model import build_model, score, torch_shape
`;

const FRAME_TAIL = `def write_png(path, rgb):
    """An 8-bit RGB PNG from a [H, W, 3] uint8 array (no imaging library needed)."""
    height, width, _ = rgb.shape
    rows = b"".join(b"\\x00" + rgb[y].tobytes() for y in range(height))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    Path(path).write_bytes(b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def image_grid(images, limit=64):
    """Up to \`limit\` images [N, H, W, C] in [0, 1] (clamped for display) as one RGB grid."""
    images = np.clip(images[:limit], 0, 1)
    n, h, w, c = images.shape
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    grid = np.ones((rows * (h + 1) + 1, cols * (w + 1) + 1, 3), dtype=np.float32)
    for i, image in enumerate(images):
        r, k = divmod(i, cols)
        grid[1 + r * (h + 1) : 1 + r * (h + 1) + h, 1 + k * (w + 1) : 1 + k * (w + 1) + w] = image if c == 3 else image[..., :1]
    scale = max(1, 256 // grid.shape[0])
    return (grid.repeat(scale, 0).repeat(scale, 1) * 255).round().astype(np.uint8)


def scatter(points, data, size=512):
    """2-D samples (blue) over the training data (grey) on the unit square plus a margin."""
    canvas = np.full((size, size, 3), 255, dtype=np.uint8)
    lo, hi = -0.25, 1.25
    for cloud, colour in ((data, (190, 190, 190)), (points, (31, 90, 200))):
        px = ((cloud - lo) / (hi - lo) * (size - 1)).round().astype(int)
        keep = ((px >= 0) & (px < size - 1)).all(1)
        x, y = px[keep, 0], size - 2 - px[keep, 1]
        for dx in (0, 1):
            for dy in (0, 1):
                canvas[y + dy, x + dx] = colour
    return canvas


def sample_to_files(model, out, device, data=None, count=COUNT):
    """Samples \`count\` chains with the graph's sampler; writes OUT/samples.npy (scoregraph's
    layout: [N, 2] or [N, H, W, C]) and OUT/samples.png."""
    model.eval()
    generator = torch.Generator(device=device).manual_seed(SEED)
    x0 = initial_samples(count, torch_shape(model.shape), device, generator, data)
    x = annealed_langevin(lambda x, s, l: score(model, x, s, l), x0, generator)
    array = x.cpu().numpy().astype(np.float32)
    if array.ndim == 4:
        array = array.transpose(0, 2, 3, 1)  # NCHW → NHWC
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "samples.npy", array)
    if array.ndim == 4:
        write_png(out / "samples.png", image_grid(array))
    elif data is not None:
        write_png(out / "samples.png", scatter(array, data.cpu().numpy()))
    print(f"wrote {out / 'samples.npy'} and samples.png ({count} samples)", flush=True)
    return array


def main():
    from checkpoint import load_checkpoint
    from data import load_data

    p = argparse.ArgumentParser(description="Sample from a scoregraph checkpoint with the EMA weights.")
    p.add_argument("checkpoint", help="path of a .ckpt.json (from train.py or scoregraph)")
    p.add_argument("--count", type=int, default=COUNT)
    p.add_argument("--out", default="samples")
    args = p.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = build_model().to(device)
    _, ema, header = load_checkpoint(args.checkpoint, model)
    if [float(s) for s in header["sigmas"]] != [float(s) for s in SIGMAS]:
        print("note: the checkpoint was trained with other sigmas; sampling with this project's", flush=True)
    model.load_state_dict(ema)
    sample_to_files(model, args.out, device, load_data().to(device), args.count)


if __name__ == "__main__":
    main()
`;

/** sample.py from the sampler's settings (NAME → literal) and code, and the schedule's sigmas. */
export function samplePy(
  summary: string,
  sigmas: string,
  settings: Record<string, string>,
  code: string,
): string {
  const lines = Object.entries(settings).map(([name, value]) => `${name} = ${value}`);
  return [
    `"""Annealed Langevin sampling: ${summary}.\n\n  python sample.py runs/model.ckpt.json --count 64 --out samples\n"""`,
    FRAME_HEAD,
    `SIGMAS = ${sigmas}\n${lines.join('\n')}\n`,
    '',
    code,
    '',
    FRAME_TAIL,
  ].join('\n');
}
