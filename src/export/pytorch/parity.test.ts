/**
 * Parity of exported projects with scoregraph (needs python3-torch; skips with a message without
 * it): a scoregraph checkpoint loaded into the exported network gives the same scores as tfjs
 * (within 1e-4 relative) for every architecture, and one DSM loss on fixed σ and noise matches.
 */
import * as tf from '@tensorflow/tfjs';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../graph';
import { registry } from '../../nodes/registry';
import { resolveParams } from '../../nodes/resolve-params';
import { useNodeBackend } from '../../runtime/backend-node';
import { encodeNpy } from '../../render/npy';
import { encodeCheckpoint } from '../../score/checkpoint';
import { dsmLoss } from '../../score/dsm';
import { buildNetwork } from '../../score/networks/build';
import { createWeights } from '../../score/networks/weights';
import { makeTrainedNetwork } from '../../score/trained';
import type { ExportNode, ExportSelection } from './export-plan';
import { PYTHON, torchMissing } from '../../../test-support/has-torch';
import { buildProject } from './project';

const run = promisify(execFile);

function node(type: string, params: Record<string, Json> = {}): ExportNode {
  return { nodeId: type.split('.')[1], type, params: resolveParams(registry.get(type)!.params, params) };
}

/** A project for `model` on data items of `shape`, written to a fresh folder. */
function writeProject(model: ExportNode, shape: number[], sigmas: number[]): string {
  const image = shape.length === 3;
  const selection: ExportSelection = {
    dataset: image ? node('data.mnist') : node('data.toy2d'),
    schedule: node('noise.geometric', { levels: sigmas.length }),
    model,
    loss: node('loss.dsm', { sigmaPer: 'sample' }),
    optimizer: node('optim.adam'),
    trainer: node('train.fit'),
    sampler: node('sample.langevin'),
  };
  const count = 4;
  const resolved = {
    dataset: { shape, count, values: new Float32Array(count * shape.reduce((a, b) => a * b, 1)) },
    sigmas,
    stepSizes: { langevin: 1e-5 },
  };
  const dir = mkdtempSync(join(tmpdir(), 'sg-parity-'));
  for (const [path, content] of Object.entries(buildProject(selection, resolved, 'parity'))) {
    if (path.includes('/')) continue; // the data file is not needed here
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Scores (EMA weights) and the DSM loss (raw weights) of each project folder given, in one process. */
const PROBE = `
import json, sys
import numpy as np, torch

results = []
for folder in sys.argv[1:]:
    for name in ("checkpoint", "model", "train", "data", "sample"):
        sys.modules.pop(name, None)
    sys.path.insert(0, folder)
    from checkpoint import load_checkpoint
    from model import build_model, score
    import train
    sys.path.pop(0)

    def load(name):
        t = torch.from_numpy(np.load(f"{folder}/{name}.npy"))
        return t.permute(0, 3, 1, 2).contiguous() if t.dim() == 4 else t

    model = build_model()
    params, ema, header = load_checkpoint(f"{folder}/net.ckpt.json", model)
    x, sigma, labels, noise = load("x"), load("sigma"), load("labels").long(), load("noise")
    with torch.no_grad():
        model.load_state_dict(ema)
        s = score(model, x, sigma, labels)
        model.load_state_dict(params)
        loss = train.dsm_loss(model, model.divides_by_sigma, x, torch.tensor(train.SIGMAS), labels, noise).mean()
    s = s.permute(0, 2, 3, 1) if s.dim() == 4 else s
    results.append({"loss": loss.item(), "score": s.contiguous().numpy().astype("<f4").tobytes().hex()})
print(json.dumps(results))
`;

const CASES: { name: string; type: string; params: Record<string, Json>; shape: number[] }[] = [
  {
    name: 'MLP, ELU, output / σ',
    type: 'model.mlp',
    params: { width: 32, depth: 3, activation: 'elu' },
    shape: [2],
  },
  {
    name: 'MLP, SiLU, the score itself',
    type: 'model.mlp',
    params: { width: 16, depth: 2, activation: 'silu', divideBySigma: false },
    shape: [2],
  },
  { name: 'NCSN, instance++, output / σ, 8 px', type: 'model.ncsn', params: { ngf: 4 }, shape: [8, 8, 1] },
  {
    name: 'NCSN, conditional instance++ (CIN++), 8 px',
    type: 'model.ncsn',
    params: { ngf: 4, conditioning: 'conditional-norm' },
    shape: [8, 8, 1],
  },
  {
    name: 'NCSN, group norm, 7 px RGB (no downsample)',
    type: 'model.ncsn',
    params: { ngf: 8, norm: 'group' },
    shape: [7, 7, 3],
  },
  {
    name: 'NCSN, batch norm, conditional, 4 px',
    type: 'model.ncsn',
    params: { ngf: 4, norm: 'batch', conditioning: 'conditional-norm' },
    shape: [4, 4, 2],
  },
  {
    name: "RefineNet (NCSNv2's), instance++, output / σ, 8 px",
    type: 'model.ncsn',
    params: { arch: 'refinenet', ngf: 4 },
    shape: [8, 8, 1],
  },
  {
    name: "RefineNet (NCSN v1's CondRefineNetDilated), CIN++ everywhere, 8 px",
    type: 'model.ncsn',
    params: { arch: 'refinenet', ngf: 4, conditioning: 'conditional-norm' },
    shape: [8, 8, 1],
  },
  {
    name: 'RefineNet, group norm, 7 px RGB (no downsample)',
    type: 'model.ncsn',
    params: { arch: 'refinenet', ngf: 8, norm: 'group' },
    shape: [7, 7, 3],
  },
];

/** One case on the tfjs side: its project folder with the checkpoint and inputs, and scoregraph's answers. */
async function prepare({ type, params, shape }: (typeof CASES)[number]) {
  const sigmas = [1, 0.5, 0.2, 0.05];
  const model = node(type, params);
  const dir = writeProject(model, shape, sigmas);
  const net = buildNetwork(type.split('.')[1], model.params, shape, sigmas.length);
  const ema = createWeights(net.weightSpecs, 12);
  const trained = makeTrainedNetwork(net, sigmas, createWeights(net.weightSpecs, 11), ema, 7);
  const { json, weights } = await encodeCheckpoint(trained);
  writeFileSync(join(dir, 'net.ckpt.json'), JSON.stringify(json));
  writeFileSync(join(dir, 'net.ckpt.bin'), new Uint8Array(weights));

  const labelList = [0, 1, 2, 3, 1, 2];
  const expected = tf.tidy(() => {
    const x = tf.randomUniform([labelList.length, ...shape], 0, 1, 'float32', 5);
    const noise = tf.randomNormal(x.shape, 0, 1, 'float32', 6);
    const labels = tf.tensor1d(labelList, 'int32');
    const sigma = tf.tensor1d(labelList.map((l) => sigmas[l]));
    for (const [name, t] of Object.entries({ x, noise, sigma, labels: tf.cast(labels, 'float32') }))
      writeFileSync(join(dir, `${name}.npy`), encodeNpy(t.dataSync() as Float32Array, t.shape));
    const score = trained.score(x, sigma, labels);
    const loss = dsmLoss(net, trained.params, { x, noise, sigma, labels });
    return { score: score.dataSync() as Float32Array, loss: loss.dataSync()[0] };
  });
  trained.dispose();
  return { dir, ...expected };
}

describe.skipIf(torchMissing)('exported networks match scoregraph (python3-torch)', () => {
  const expected: Awaited<ReturnType<typeof prepare>>[] = [];
  const got: { loss: number; score: Float32Array }[] = [];

  beforeAll(async () => {
    await useNodeBackend('cpu');
    const before = tf.memory().numTensors;
    for (const c of CASES) expected.push(await prepare(c));
    expect(tf.memory().numTensors).toBe(before);
    const dirs = expected.map((e) => e.dir);
    const { stdout } = await run(PYTHON, ['-c', PROBE, ...dirs], { timeout: 120_000 });
    for (const r of JSON.parse(stdout) as { loss: number; score: string }[])
      got.push({
        loss: r.loss,
        score: new Float32Array(Uint8Array.from(Buffer.from(r.score, 'hex')).buffer),
      });
  });
  afterAll(() => {
    if (torchMissing) console.warn(torchMissing);
  });

  it.each(CASES.map((c, i) => ({ ...c, i })))(
    '$name: same scores (1e-4 relative) and the same DSM loss',
    ({ i }) => {
      const want = expected[i];
      const { score, loss } = got[i];
      expect(score.length).toBe(want.score.length);
      let scale = 0;
      let diff = 0;
      for (let k = 0; k < score.length; k++) {
        scale = Math.max(scale, Math.abs(want.score[k]));
        diff = Math.max(diff, Math.abs(score[k] - want.score[k]));
      }
      expect(scale).toBeGreaterThan(0);
      expect(diff / scale).toBeLessThan(1e-4);
      expect(Math.abs(loss - want.loss) / want.loss).toBeLessThan(1e-4);
    },
  );
});
