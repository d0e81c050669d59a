/**
 * data.toy2d in PyTorch: data.py draws the same shape with the same formulas as
 * src/score/datasets/toy2d.ts (NumPy's generator, so the same distribution, other points).
 */
import { defineTorchForm, py } from '../torch-form';

type ToyShape = 'swissroll' | '8gaussians' | 'moons' | 'checkerboard' | 'rings';

/** Each shape's clean points in [-1, 1]², vectorised. */
const SHAPES: Record<ToyShape, string> = {
  swissroll: `def clean_points(rng, n):
    """An Archimedean spiral r ∝ t over t ∈ [1.5π, 4.5π]."""
    t = 1.5 * np.pi * (1 + 2 * rng.random(n))
    r = t / (4.5 * np.pi)
    return np.stack([r * np.cos(t), r * np.sin(t)], 1)
`,
  '8gaussians': `def clean_points(rng, n):
    """Eight modes on the unit circle; their spread is NOISE."""
    angle = rng.integers(0, 8, n) * np.pi / 4
    return np.stack([np.cos(angle), np.sin(angle)], 1)
`,
  moons: `def clean_points(rng, n):
    """Two interleaved half circles (scikit-learn's make_moons), scaled into [-1, 1] × [-0.5, 0.5]."""
    theta = np.pi * rng.random(n)
    upper = rng.random(n) < 0.5
    x = np.where(upper, np.cos(theta), 1 - np.cos(theta))
    y = np.where(upper, np.sin(theta), 0.5 - np.sin(theta))
    return np.stack([(x - 0.5) / 1.5, (y - 0.25) / 1.5], 1)
`,
  checkerboard: `def clean_points(rng, n):
    """Uniform points on the 8 dark squares of a 4 × 4 board."""
    cell = rng.integers(0, 8, n)
    row = cell // 2
    col = 2 * (cell % 2) + row % 2
    return np.stack([-1 + (col + rng.random(n)) / 2, -1 + (row + rng.random(n)) / 2], 1)
`,
  rings: `def clean_points(rng, n):
    """Four concentric circles of radius 1/4 … 1, points spread evenly by length."""
    ring = np.searchsorted([1, 3, 6], rng.random(n) * 10, side="right") + 1
    angle = 2 * np.pi * rng.random(n)
    return np.stack([ring / 4 * np.cos(angle), ring / 4 * np.sin(angle)], 1)
`,
};

interface Toy2dParams {
  shape: ToyShape;
  count: number;
  noise: number;
  seed: number;
}

export default defineTorchForm<Toy2dParams>({
  role: 'dataset',
  emit({ params }) {
    const { shape, count, noise, seed } = params;
    return {
      code: `"""The training data: ${count} points of the 2-D "${shape}" toy in the unit square (scoregraph's data.toy2d)."""
import numpy as np
import torch

SHAPE = [2]  # one item, as scoregraph shapes it
COUNT = ${count}
NOISE = ${py(noise)}  # std of the Gaussian jitter, in the same units (the square is 1 wide)
SEED = ${seed}


${SHAPES[shape]}

def load_data():
    """[COUNT, 2] float32: 0.5 + 0.4 · clean + NOISE · N(0, I), inside [0.1, 0.9]² before noise."""
    rng = np.random.default_rng(SEED)
    points = 0.5 + 0.4 * clean_points(rng, COUNT) + NOISE * rng.standard_normal((COUNT, 2))
    return torch.from_numpy(points.astype(np.float32))
`,
      summary: `${count} points of the 2-D ${shape} toy (noise ${noise})`,
    };
  },
});
