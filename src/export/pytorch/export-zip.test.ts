/**
 * File → Export → PyTorch through the worker protocol (a fake transport, as the client tests
 * do): the editor sends the graph, the worker resolves data and sigmas and sends back a zip.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../../test-support/fake-worker';
import { parseGraph, type Graph } from '../../graph';
import { registry } from '../../nodes/registry';
import { RuntimeClient } from '../../runtime/client';
import { geometricSigmas } from '../../score/schedule/geometric';
import { projectSlug } from './export-zip';

function preset(name: string): Graph {
  const parsed = parseGraph(readFileSync(`graphs/${name}.json`, 'utf8'), registry);
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.graph;
}

describe('Export → PyTorch over the worker protocol', () => {
  it('zips the whole project in a folder named after the graph', async () => {
    const client = new RuntimeClient(fakeWorker());
    const result = await client.exportPytorch(preset('toy-swissroll'));
    client.dispose();
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.name).toBe('swiss-roll-train-a-score-mlp-and-sample-pytorch.zip');
    const files = unzipSync(result.zip);
    const folder = 'swiss-roll-train-a-score-mlp-and-sample-pytorch/';
    expect(Object.keys(files).sort()).toEqual(
      ['README.md', 'checkpoint.py', 'data.py', 'model.py', 'requirements.txt', 'sample.py', 'train.py'].map(
        (f) => folder + f,
      ),
    );
    const train = strFromU8(files[folder + 'train.py']);
    // the sigmas as scoregraph computes them, to the last digit
    for (const sigma of geometricSigmas(1, 0.01, 10)) expect(train).toContain(String(sigma));
    expect(train).toMatch(/^STEPS = 2000 /m);
    expect(train).toMatch(/^BATCH = 256 /m);
    expect(strFromU8(files[folder + 'model.py'])).toContain(
      'ScoreMLP(shape=[2], width=64, depth=3, activation="silu", divide_by_sigma=True)',
    );
  });

  it('answers with every problem when the graph cannot be exported', async () => {
    const client = new RuntimeClient(fakeWorker());
    const result = await client.exportPytorch(preset('mnist-inpainting'));
    client.dispose();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toMatch(/"mask" \(mask\.shape\), no PyTorch form/);
  });

  it('slugs names for files', () => {
    expect(projectSlug('  MNIST: NCSNv2 (Techniques 1–5)  ')).toBe('mnist-ncsnv2-techniques-1-5');
    expect(projectSlug('…')).toBe('scoregraph');
  });
});
