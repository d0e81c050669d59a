/** Which graphs export to PyTorch, and the one message that lists every node that cannot. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGraph, type Graph } from '../../graph';
import { registry } from '../../nodes/registry';
import { planExport } from './export-plan';

function preset(name: string): Graph {
  const parsed = parseGraph(readFileSync(`graphs/${name}.json`, 'utf8'), registry);
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.graph;
}

describe('planExport', () => {
  it.each([
    ['toy-swissroll', 'data.toy2d', 'model.mlp'],
    ['toy-8gaussians', 'data.toy2d', 'model.mlp'],
    ['mnist-ncsnv2', 'data.mnist', 'model.ncsn'],
    ['mnist-ncsn-original', 'data.mnist', 'model.ncsn'],
    ['mnist-quick', 'data.mnist', 'model.ncsn'],
  ])('%s: every part found, viewers left out', (name, data, model) => {
    const plan = planExport(preset(name), registry);
    if (!plan.ok) throw new Error(plan.problems.join('\n'));
    const { selection } = plan;
    expect(selection.dataset.type).toBe(data);
    expect(selection.model.type).toBe(model);
    expect(selection.trainer.type).toBe('train.fit');
    expect(selection.sampler).toMatchObject({ nodeId: 'sampler', type: 'sample.langevin' });
    expect(selection.sampler.params.count).toBe(
      preset(name).nodes.find((n) => n.id === 'sampler')!.params.count,
    );
  });

  it('lists every node without a PyTorch form in one problem, and exports nothing', () => {
    const plan = planExport(preset('mnist-inpainting'), registry);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems).toHaveLength(1);
    const [problem] = plan.problems;
    for (const type of ['data.pick', 'mask.shape', 'sample.inpaint'])
      expect(problem).toContain(`(${type}), no PyTorch form`);
    expect(problem).toMatch(/\(data\.mnist\), not part of the training run/);
    expect(problem).not.toContain('view.images');
  });

  it('needs a train.fit: exact scores have nothing to train', () => {
    const plan = planExport(preset('toy-mixture-exact'), registry);
    expect(plan).toEqual({
      ok: false,
      problems: ['Export to PyTorch needs a train.fit node: the project trains a network.'],
    });
  });

  it('a graph without a sampler samples with sample.langevin defaults at the end', () => {
    const graph = preset('toy-swissroll');
    const pruned: Graph = {
      ...graph,
      nodes: graph.nodes.filter((n) => n.id !== 'sampler' && n.id !== 'samples'),
      edges: graph.edges.filter(
        (e) => !e.from.startsWith('sampler.') && !e.to.startsWith('sampler.') && !e.to.startsWith('samples.'),
      ),
    };
    const plan = planExport(pruned, registry);
    if (!plan.ok) throw new Error(plan.problems.join('\n'));
    expect(plan.selection.sampler.params).toMatchObject({ count: 64, stepSize: 'auto', rule: 'ncsnv2' });
  });
});
