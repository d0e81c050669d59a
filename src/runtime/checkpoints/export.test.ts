import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseGraph } from '../../graph';
import { defineNode } from '../../nodes/define';
import { NodeRegistry } from '../../nodes/registry';
import { decodeCheckpoint } from '../../score/checkpoint';
import { mlpNetwork } from '../../score/networks/mlp';
import { copyWeights, createWeights } from '../../score/networks/weights';
import { makeTrainedNetwork } from '../../score/trained';
import { useNodeBackend } from '../backend-node';
import { compile } from '../compile';
import { Executor } from '../execute';
import { exportCheckpoint } from './export';
import { source, testRegistry } from '../test-kinds';

const fit = defineNode({
  type: 'test.fit',
  title: 'Fit',
  category: 'Test',
  doc: 'A trained network without training.',
  inputs: {},
  outputs: { model: { type: 'Model' } },
  params: {},
  infer: () => ({ model: { ready: true as const, exact: false, kind: 'mlp', shape: [2], levels: null } }),
  async run() {
    const net = mlpNetwork({ width: 8, depth: 1, activation: 'elu', divideBySigma: true }, [2]);
    const w = createWeights(net.weightSpecs, 5, 'x');
    return { model: makeTrainedNetwork(net, [1, 0.2], w, copyWeights(w, false, 'x-ema'), 12) };
  },
});
const registry = new NodeRegistry([fit, ...testRegistry.all()]);

beforeAll(() => useNodeBackend('cpu'));

describe('exporting a checkpoint from the worker', () => {
  it('encodes the trained network a node output, and explains when there is none', async () => {
    const parsed = parseGraph(
      JSON.stringify({
        format: 'scoregraph',
        version: 1,
        name: 'x',
        nodes: [
          { id: 'fit', type: 'test.fit', params: {} },
          { id: 'src', type: source.type, params: {} },
        ],
        edges: [],
      }),
      registry,
    );
    if (!parsed.ok) throw new Error('bad test graph');
    const compiled = compile(parsed.graph, registry);
    if (!compiled.ok) throw new Error('does not compile');
    const before = tf.memory().numTensors;
    const executor = new Executor('cpu');
    expect(await exportCheckpoint(executor, 'fit')).toEqual({
      ok: false,
      message: expect.stringMatching(/run it first/),
    });
    await executor.execute(compiled.plan, { runId: 1, signal: new AbortController().signal });

    const exported = await exportCheckpoint(executor, 'fit');
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported.name).toBe('fit');
    expect(exported.json).toMatchObject({ format: 'scoregraph-checkpoint', step: 12, sigmas: [1, 0.2] });
    const back = decodeCheckpoint(exported.json, exported.weights);
    const original = executor.outputsOf('fit')!.model as ReturnType<typeof decodeCheckpoint>;
    for (const [name, v] of Object.entries(original.ema))
      expect(Array.from(back.ema[name].dataSync())).toEqual(Array.from(v.dataSync()));
    back.dispose();

    expect(await exportCheckpoint(executor, 'src')).toEqual({
      ok: false,
      message: expect.stringMatching(/outputs no trained network/),
    });
    expect(await exportCheckpoint(null, 'fit')).toEqual({
      ok: false,
      message: expect.stringMatching(/no results yet/),
    });
    executor.clear();
    expect(tf.memory().numTensors).toBe(before);
  });
});
