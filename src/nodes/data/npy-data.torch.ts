/**
 * The PyTorch form of image datasets (data.mnist, data.images): scoregraph's images
 * go into the project as one .npy file [N, H, W, C] and data.py loads it as NCHW.
 */
import type { DatasetPart, ResolvedValues } from '../torch-form';
import { py } from '../torch-form';

export function npyDatasetPart(file: string, what: string, resolved: ResolvedValues): DatasetPart {
  const { shape, count } = resolved.dataset;
  if (shape.length !== 3)
    throw new Error(`${what}: expected images [H, W, C], got items of shape [${shape}].`);
  return {
    code: `"""The training data: ${what}, exported by scoregraph as ${file} ([N, H, W, C] float32 in [0, 1])."""
from pathlib import Path

import numpy as np
import torch

SHAPE = ${py(shape)}  # one item, as scoregraph shapes it: [H, W, C]
FILE = Path(__file__).parent / ${py(file)}


def load_data():
    """[${count}, ${shape[2]}, ${shape[0]}, ${shape[1]}] float32 images (NCHW, PyTorch's layout)."""
    return torch.from_numpy(np.load(FILE)).permute(0, 3, 1, 2).contiguous()
`,
    dataFile: file,
    summary: `${what}: ${count} images ${shape[0]}×${shape[1]}×${shape[2]} (in ${file})`,
  };
}
