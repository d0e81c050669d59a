import * as tf from '@tensorflow/tfjs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { integer } from '../../graph';
import { defineNode } from '../../nodes/define';
import { zipCheckpoint } from './zip-bundle';
import load from '../../nodes/model/load';
import { NodeRegistry } from '../../nodes/registry';
import { encodeCheckpoint } from '../../score/checkpoint';
import { mlpNetwork } from '../../score/networks/mlp';
import { copyWeights, countParameters, createWeights } from '../../score/networks/weights';
import { makeTrainedNetwork } from '../../score/trained';
import { readCheckpointFile } from './files';
import { runCli } from '../../cli/run-command';

/** Stands in for train.fit: a "trained" MLP made from a seed, after `steps` steps. */
const fakeFit = defineNode({
  type: 'test.fit',
  title: 'Fake fit',
  category: 'Test',
  doc: 'A trained network without training.',
  inputs: {},
  outputs: { model: { type: 'Model' } },
  params: { steps: integer({ default: 7, min: 1, max: 100, doc: 'Step count.' }) },
  infer: () => ({ model: { ready: true as const, exact: false, kind: 'mlp', shape: [2], levels: null } }),
  async run({ params, seed }) {
    const net = mlpNetwork({ width: 8, depth: 1, activation: 'elu', divideBySigma: true }, [2]);
    const weights = createWeights(net.weightSpecs, seed, 'fit');
    return {
      model: makeTrainedNetwork(
        net,
        [2, 0.5, 0.1],
        weights,
        copyWeights(weights, false, 'fit-ema'),
        params.steps,
      ),
    };
  },
});
const registry = new NodeRegistry([fakeFit, load]);
const quiet = { stdout: () => {}, stderr: () => {} };

const graph = (nodes: unknown[]) => ({ format: 'scoregraph', version: 1, name: 'ckpt', nodes, edges: [] });

async function run(dir: string, g: unknown, extra: string[] = []) {
  const path = join(dir, `g${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify(g));
  const err: string[] = [];
  const code = await runCli(['run', path, '--backend', 'cpu', ...extra], registry, {
    ...quiet,
    stderr: (l) => err.push(l),
  });
  return { code, err };
}

describe('checkpoints in the CLI', () => {
  it('--save-checkpoints writes .ckpt.json + .ckpt.bin, and model.load reads them back bit for bit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sg-ckpt-'));
    const first = await run(dir, graph([{ id: 'fit', type: 'test.fit', params: { steps: 9 } }]), [
      '--out',
      join(dir, 'a'),
      '--save-checkpoints',
    ]);
    expect(first.code).toBe(0);
    const header = JSON.parse(await readFile(join(dir, 'a', 'fit.ckpt.json'), 'utf8'));
    expect(header).toMatchObject({
      format: 'scoregraph-checkpoint',
      kind: 'mlp',
      shape: [2],
      sigmas: [2, 0.5, 0.1],
      step: 9,
    });
    const weights = await readFile(join(dir, 'a', 'fit.ckpt.bin'));
    // Raw + EMA weights, float32: 2 × 4 bytes per parameter.
    const net = mlpNetwork({ width: 8, depth: 1, activation: 'elu', divideBySigma: true }, [2]);
    expect(weights.length).toBe(8 * countParameters(net.weightSpecs));

    // Without the flag, no checkpoint files.
    await run(dir, graph([{ id: 'fit', type: 'test.fit', params: {} }]), ['--out', join(dir, 'none')]);
    await expect(readFile(join(dir, 'none', 'fit.ckpt.json'))).rejects.toThrow();

    const second = await run(
      dir,
      graph([
        {
          id: 'load',
          type: 'model.load',
          params: { checkpoint: join(dir, 'a', 'fit.ckpt.json'), shape: '2' },
        },
      ]),
      ['--out', join(dir, 'b'), '--save-checkpoints'],
    );
    expect(second.code).toBe(0);
    const summary = JSON.parse(await readFile(join(dir, 'b', 'summary.json'), 'utf8'));
    expect(summary.nodes.load.summary).toMatchObject({ kind: 'mlp', shape: [2], levels: 3, step: 9 });
    expect(await readFile(join(dir, 'b', 'load.ckpt.bin'))).toEqual(weights);
    // The same header, stamped with the run that wrote it (graph b, not graph a).
    const again = JSON.parse(await readFile(join(dir, 'b', 'load.ckpt.json'), 'utf8'));
    expect({ ...again, provenance: null }).toEqual({ ...header, provenance: null });
    expect(again.provenance.graphHash).toBe(summary.graphHash);
    expect(header.provenance.graphHash).not.toBe(summary.graphHash);
  });

  it('reads a checkpoint by .ckpt.json, .ckpt.bin, .ckpt.zip or base path, and explains a missing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sg-ckpt-'));
    const net = mlpNetwork({ width: 4, depth: 1, activation: 'silu', divideBySigma: false }, [2]);
    const w = createWeights(net.weightSpecs, 3, 'r');
    const model = makeTrainedNetwork(net, [1, 0.1], w, copyWeights(w, false, 'r-ema'), 1);
    const data = await encodeCheckpoint(model);
    model.dispose();
    await writeFile(join(dir, 'm.ckpt.json'), JSON.stringify(data.json));
    await writeFile(join(dir, 'm.ckpt.bin'), new Uint8Array(data.weights));
    await writeFile(join(dir, 'z.ckpt.zip'), zipCheckpoint('z', data));
    for (const ref of ['m.ckpt.json', 'm.ckpt.bin', 'm', 'z.ckpt.zip']) {
      const got = await readCheckpointFile(join(dir, ref));
      expect(got.json).toEqual(data.json);
      expect(new Uint8Array(got.weights)).toEqual(new Uint8Array(data.weights));
    }
    await expect(readCheckpointFile(join(dir, 'nope.ckpt.json'))).rejects.toThrow(
      /Cannot read the checkpoint file .*nope\.ckpt\.json/,
    );
    const before = tf.memory().numTensors;
    const failed = await run(
      dir,
      graph([{ id: 'load', type: 'model.load', params: { checkpoint: join(dir, 'gone') } }]),
      ['--out', join(dir, 'c')],
    );
    expect(failed.code).toBe(1);
    expect(failed.err.join('\n')).toMatch(
      /Node "load" \(model.load\) failed: Cannot read the checkpoint file/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('resuming training from a checkpoint', () => {
  it('train.fit continues a model.load checkpoint: the step count carries on and the weights move on', async () => {
    const { registry: shipped } = await import('../../nodes/registry');
    const dir = await mkdtemp(join(tmpdir(), 'sg-resume-'));
    const pipeline = (model: unknown) => ({
      format: 'scoregraph',
      version: 1,
      name: 'resume',
      nodes: [
        { id: 'data', type: 'data.toy2d', params: { count: 64 } },
        { id: 'sched', type: 'noise.geometric', params: { sigmaMax: 1, sigmaMin: 0.1, levels: 3 } },
        model,
        { id: 'loss', type: 'loss.dsm', params: {} },
        { id: 'adam', type: 'optim.adam', params: {} },
        { id: 'fit', type: 'train.fit', params: { steps: 5, batchSize: 16, logEvery: 5 } },
      ],
      edges: [
        { from: 'data.dataset', to: 'fit.dataset' },
        { from: 'sched.schedule', to: 'fit.schedule' },
        { from: 'net.model', to: 'fit.model' },
        { from: 'loss.loss', to: 'fit.loss' },
        { from: 'adam.optimizer', to: 'fit.optimizer' },
      ],
    });
    const runShipped = async (graph: unknown, out: string) => {
      const path = join(dir, `${out}.json`);
      await writeFile(path, JSON.stringify(graph));
      const err: string[] = [];
      const code = await runCli(
        ['run', path, '--backend', 'cpu', '--out', join(dir, out), '--save-checkpoints'],
        shipped,
        {
          ...quiet,
          stderr: (l) => err.push(l),
        },
      );
      expect(code, err.join('\n')).toBe(0);
      return {
        header: JSON.parse(await readFile(join(dir, out, 'fit.ckpt.json'), 'utf8')),
        weights: await readFile(join(dir, out, 'fit.ckpt.bin')),
      };
    };

    const first = await runShipped(
      pipeline({ id: 'net', type: 'model.mlp', params: { width: 8, depth: 1 } }),
      'a',
    );
    expect(first.header.step).toBe(5);
    const resumed = await runShipped(
      pipeline({
        id: 'net',
        type: 'model.load',
        params: { checkpoint: join(dir, 'a', 'fit.ckpt.json'), shape: '2' },
      }),
      'b',
    );
    expect(resumed.header).toMatchObject({
      kind: 'mlp',
      config: first.header.config,
      sigmas: first.header.sigmas,
      step: 10,
    });
    expect(resumed.weights.length).toBe(first.weights.length);
    expect(resumed.weights.equals(first.weights)).toBe(false);
  });
});
