/**
 * Assembles the PyTorch project from the nodes' forms (src/nodes/**\/*.torch.ts): model.py from
 * the network's, data.py from the dataset's, train.py from the trainer's loop with the loss's and
 * optimizer's code, sample.py from the sampler's, plus scoregraph's checkpoint module, a
 * requirements file and a README. Tfjs-free: what needs scoregraph's run arrives resolved.
 */
import { TORCH_FORMS } from '../../nodes/all-torch-forms';
import {
  py,
  type CodePart,
  type DatasetPart,
  type ModelPart,
  type ResolvedValues,
  type TorchContext,
} from '../../nodes/torch-form';
import { encodeNpy } from '../../render/npy';
import { CHECKPOINT_PY } from './checkpoint-py';
import type { ExportNode, ExportSelection } from './export-plan';
import { readme } from './readme';
import { samplePy } from './sample-py';

export type ProjectFiles = Record<string, string | Uint8Array>;

function emit<T>(node: ExportNode, resolved: ResolvedValues): T {
  const form = TORCH_FORMS[node.type];
  if (!form) throw new Error(`Node "${node.nodeId}" (${node.type}) has no PyTorch form.`);
  const ctx = { nodeId: node.nodeId, params: node.params, resolved } as TorchContext<never>;
  return form.emit(ctx) as T;
}

/** A list of numbers as Python, a few per line when long (the sigmas). */
function pyNumbers(values: number[], perLine = 4): string {
  if (values.length <= perLine) return py(values);
  const rows: string[] = [];
  for (let i = 0; i < values.length; i += perLine)
    rows.push(
      `    ${values
        .slice(i, i + perLine)
        .map((v) => py(v))
        .join(', ')},`,
    );
  return `[\n${rows.join('\n')}\n]`;
}

const settingLines = (settings: Record<string, string>) =>
  Object.entries(settings).map(([name, value]) => `${name} = ${value}`);

function modelPy(part: ModelPart): string {
  return `"""The score network: ${part.summary} (scoregraph's ${part.checkpoint.kind} network, same
parameter names and initialisation). Images are NCHW here; checkpoint.py converts layouts."""
import math

import torch
import torch.nn.functional as F
from torch import nn

# The checkpoint header's architecture: what scoregraph rebuilds the network from.
ARCHITECTURE = ${py({ kind: part.checkpoint.kind, config: part.checkpoint.config })}


def torch_shape(shape):
    """scoregraph's item shape ([D] or [H, W, C]) in PyTorch's layout ([D] or [C, H, W])."""
    return (shape[2], shape[0], shape[1]) if len(shape) == 3 else tuple(shape)


def score(model, x, sigma, labels):
    """s(x, σ): the network's output, divided by σ when it is built that way (Technique 3)."""
    out = model(x, sigma, labels)
    return out / sigma.view(-1, *[1] * (x.dim() - 1)) if model.divides_by_sigma else out


${part.code}

def build_model():
    """The graph's network, freshly initialised."""
    return ${part.build}
`;
}

function trainPy(
  parts: { trainer: CodePart; loss: CodePart; optimizer: CodePart },
  sigmas: number[],
): string {
  const settings = [
    "# The graph's settings. SIGMAS: the schedule scoregraph computed, largest first.",
    `SIGMAS = ${pyNumbers(sigmas)}`,
    ...settingLines(parts.trainer.settings),
    ...settingLines(parts.loss.settings),
    ...settingLines(parts.optimizer.settings),
  ];
  return `"""Train the score network by denoising score matching, then sample (scoregraph's train.fit:
${parts.trainer.summary}; ${parts.loss.summary}; ${parts.optimizer.summary}).

  python train.py                         # one process: CUDA if present, else CPU
  torchrun --nproc_per_node 4 train.py    # DDP: NCCL on GPUs, gloo on CPUs
  python train.py --resume --steps 20000  # continue from runs/model.ckpt.json

The global batch is split across the ranks; rank 0 logs the loss per σ and writes
runs/model.ckpt.json + .ckpt.bin (scoregraph's checkpoint format: model.load reads it).
"""
import argparse
import json
import math
import os
import time
from pathlib import Path

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

from checkpoint import load_checkpoint, save_checkpoint
from data import load_data
from model import build_model
from sample import sample_to_files

${settings.join('\n')}


${parts.loss.code}

${parts.optimizer.code}

${parts.trainer.code}`;
}

/** Every file of the project, by path. */
export function buildProject(
  selection: ExportSelection,
  resolved: ResolvedValues,
  graphName: string,
): ProjectFiles {
  const dataset = emit<DatasetPart>(selection.dataset, resolved);
  const model = emit<ModelPart>(selection.model, resolved);
  const schedule = emit<{ summary: string }>(selection.schedule, resolved);
  const loss = emit<CodePart>(selection.loss, resolved);
  const optimizer = emit<CodePart>(selection.optimizer, resolved);
  const trainer = emit<CodePart>(selection.trainer, resolved);
  const sampler = emit<CodePart>(selection.sampler, resolved);

  const files: ProjectFiles = {
    'train.py': trainPy({ trainer, loss, optimizer }, resolved.sigmas),
    'model.py': modelPy(model),
    'data.py': dataset.code,
    'sample.py': samplePy(sampler.summary, pyNumbers(resolved.sigmas), sampler.settings, sampler.code),
    'checkpoint.py': CHECKPOINT_PY,
    'requirements.txt': 'torch>=1.13\nnumpy>=1.21\n',
    'README.md': readme({
      name: graphName,
      parts: [
        dataset.summary,
        schedule.summary,
        model.summary,
        loss.summary,
        optimizer.summary,
        trainer.summary,
        sampler.summary,
      ],
      dataFile: dataset.dataFile,
    }),
  };
  if (dataset.dataFile) {
    const { shape, count, values } = resolved.dataset;
    files[dataset.dataFile] = encodeNpy(values, [count, ...shape]);
  }
  return files;
}
