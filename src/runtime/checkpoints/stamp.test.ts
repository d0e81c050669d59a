import { afterAll, describe, expect, it } from 'vitest';
import tfjsPackage from '@tensorflow/tfjs-core/package.json';
import packageJson from '../../../package.json';
import { fakeWorker } from '../../../test-support/fake-worker';
import { toyTrainingGraph } from '../../../test-support/toy-training';
import type { Graph } from '../../graph';
import { readCheckpointHeader } from '../../graph/checkpoint-header';
import { decodeCheckpoint } from '../../score/checkpoint';
import { RuntimeClient } from '../client';
import type { RunEvent } from '../events';
import { graphHash } from '../graph-hash';
import { checkpointProvenance, describeProvenance, stampCheckpoint } from './stamp';
import { unzipCheckpoint, zipCheckpoint } from './zip-bundle';

/** A few steps of toy training: enough for train.fit to output a trained network. */
const training = toyTrainingGraph({
  data: { count: 64 },
  sched: { levels: 3 },
  train: { steps: 3, batchSize: 16, logEvery: 1 },
});

const client = new RuntimeClient(fakeWorker());
afterAll(() => client.dispose());

async function run(graph: Graph, seed: number, targets?: string[]): Promise<RunEvent> {
  await client.ready;
  const finished = new Promise<RunEvent>((resolve) =>
    client.on((e) => e.type === 'run-finished' && resolve(e)),
  );
  client.run(graph, { seed, targets });
  return finished;
}

describe('checkpoint provenance', () => {
  it('Save trained model: the worker stamps the latest run graph hash, seed, backend and versions', async () => {
    expect(await run(training, 7)).toMatchObject({ status: 'done' });
    const saved = await client.exportCheckpoint('train');
    const made = checkpointProvenance(saved.json);
    expect(made).toEqual({
      graphHash: graphHash(training),
      seed: 7,
      backend: 'cpu',
      scoregraph: packageJson.version,
      tfjs: tfjsPackage.version,
    });
    expect(describeProvenance(made!)).toBe(
      `graph ${graphHash(training)}, seed 7, cpu, scoregraph ${packageJson.version}, tfjs ${tfjsPackage.version}`,
    );

    // The .ckpt.zip the editor downloads carries it through, beside an unchanged, valid header.
    const back = unzipCheckpoint('m.ckpt.zip', zipCheckpoint('m', saved));
    if (!back.ok) throw new Error(back.message);
    expect(back.data.json).toEqual(saved.json);
    expect(checkpointProvenance(back.data.json)).toEqual(made);
    expect(readCheckpointHeader(back.data.json)).toMatchObject({ kind: 'mlp', step: 3 });
    expect(new Uint8Array(back.data.weights)).toEqual(new Uint8Array(saved.weights));

    // Another run (another seed, another graph) restamps what is saved after it.
    const changed = {
      ...training,
      nodes: training.nodes.map((n) => (n.id === 'train' ? { ...n, params: { ...n.params, steps: 2 } } : n)),
    };
    expect(await run(changed, 11)).toMatchObject({ status: 'done' });
    const again = checkpointProvenance((await client.exportCheckpoint('train')).json);
    expect(again).toMatchObject({ graphHash: graphHash(changed), seed: 11 });
    expect(again!.graphHash).not.toBe(made!.graphHash);

    // A later run that does not produce it (only the data node, of an edited graph) leaves the
    // stamp on the run that trained it.
    const edited = {
      ...changed,
      nodes: changed.nodes.map((n) => (n.id === 'data' ? { ...n, params: { count: 80 } } : n)),
    };
    expect(await run(edited, 13, ['data'])).toMatchObject({ status: 'done' });
    const still = checkpointProvenance((await client.exportCheckpoint('train')).json);
    expect(still).toEqual(again);
  });

  it('a checkpoint without provenance (an older file) still opens and decodes', async () => {
    expect(await run(training, 7)).toMatchObject({ status: 'done' });
    const saved = await client.exportCheckpoint('train');
    const { provenance: _dropped, ...old } = saved.json as Record<string, unknown>;
    const back = unzipCheckpoint(
      'old.ckpt.zip',
      zipCheckpoint('old', { json: old as never, weights: saved.weights }),
    );
    if (!back.ok) throw new Error(back.message);
    expect(checkpointProvenance(back.data.json)).toBeNull();
    expect(readCheckpointHeader(back.data.json)).toMatchObject({ kind: 'mlp', step: 3 });
    const net = decodeCheckpoint(back.data.json, back.data.weights);
    expect(net.step).toBe(3);
    net.dispose();
    // A malformed field reads as none, and stamping it again replaces it.
    const bad = { ...old, provenance: { graphHash: 5 } };
    expect(checkpointProvenance(bad)).toBeNull();
    const made = checkpointProvenance(saved.json)!;
    expect(
      checkpointProvenance(stampCheckpoint({ json: bad as never, weights: saved.weights }, made).json),
    ).toEqual(made);
  });
});
