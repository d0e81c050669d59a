/** README.md of an exported project: what it holds, and the commands. */
export function readme(o: { name: string; parts: string[]; dataFile?: string }): string {
  return `# ${o.name} — PyTorch

Exported from scoregraph. The graph, as code:

${o.parts.map((p) => `- ${p}`).join('\n')}

## Run

\`\`\`sh
pip install -r requirements.txt          # torch, numpy
python train.py                          # one device: CUDA if present, else CPU
torchrun --nproc_per_node 4 train.py     # 4 processes with DistributedDataParallel (NCCL on GPUs, gloo on CPUs)
torchrun --nnodes 2 --node_rank 0 --nproc_per_node 8 --master_addr HOST --master_port 29500 train.py   # multi-node
python train.py --steps 20000 --batch 512  # override the graph's steps and global batch
python train.py --resume                 # continue from runs/model.ckpt.json
python sample.py runs/model.ckpt.json --count 64 --out samples
\`\`\`

With torch 1.13 on Python 3.11 (e.g. Debian 12's \`python3-torch\`), torchrun fails before it
starts (\`'NoneType' object has no attribute 'get'\` in \`to_map\`): add \`--redirects 1 --tee 1\`.

The global batch is split across the ranks (the gradient is the mean over all of it, as on one
device); rank 0 prints the loss per noise level every LOG_EVERY steps (also in
\`runs/losses.jsonl\`) and writes \`runs/model.ckpt.json\` + \`runs/model.ckpt.bin\`, scoregraph's
checkpoint format with the raw and EMA weights: load it in scoregraph with a \`model.load\` node
(in the CLI: \`--set load.checkpoint=runs/model.ckpt.json\`) to sample, inpaint, interpolate or
keep training. At the end train.py samples with the EMA weights into \`runs/samples.npy\` and
\`runs/samples.png\`.

## Files

- \`train.py\` — settings from the graph (the sigmas as scoregraph computed them), the DSM loss,
  Adam + EMA, the training loop
- \`model.py\` — the score network (same parameter names and initialisation as scoregraph)
- \`data.py\` — the training data${o.dataFile ? ` (read from \`${o.dataFile}\`)` : ''}
- \`sample.py\` — annealed Langevin sampling with the graph's sampler settings
- \`checkpoint.py\` — reads and writes scoregraph checkpoints
`;
}
