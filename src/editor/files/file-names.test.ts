import { describe, expect, it } from 'vitest';
import { corpusCatalog } from '../../graph/corpus/catalog';
import { documentTitle, graphFileName, imageFileName } from './file-names';
import { presetsFrom } from './presets';
import { testGraphText } from '../../../test-support/test-graph';

describe('file names and titles', () => {
  it('makes safe graph file names', () => {
    expect(graphFileName('Swiss roll (toy 2-D)')).toBe('Swiss roll (toy 2-D).scoregraph.json');
    expect(graphFileName('a/b\\c:d*e?"<f>|')).toBe('a-b-c-d-e-f.scoregraph.json');
    expect(graphFileName('../../etc/passwd')).toBe('etc-passwd.scoregraph.json');
    expect(graphFileName('  ')).toBe('graph.scoregraph.json');
    expect(graphFileName('Ünïcødé 🌀')).toBe('Ünïcødé 🌀.scoregraph.json');
    expect(graphFileName('x'.repeat(300)).length).toBe(80 + '.scoregraph.json'.length);
    expect(imageFileName('MNIST run', 'grid')).toBe('MNIST run-grid.png');
  });

  it('marks unsaved changes in the title', () => {
    expect(documentTitle('MNIST', true)).toBe('● MNIST — scoregraph');
    expect(documentTitle('MNIST', false)).toBe('MNIST — scoregraph');
    expect(documentTitle('', false)).toBe('Untitled graph — scoregraph');
  });
});

describe('presets', () => {
  it('lists the default first, then by name, and keeps broken ones out of reach with their problem', () => {
    const presets = presetsFrom(
      {
        '/graphs/zeta.json': testGraphText.replace('Swiss roll — ünïcødé 🌀', 'Alpha'),
        '/graphs/toy-swissroll.json': testGraphText,
        '/graphs/broken.json': '{"format": "scoregraph"',
      },
      corpusCatalog,
    );
    expect(presets.map((p) => p.id)).toEqual(['toy-swissroll', 'zeta', 'broken']);
    expect(presets[0]).toMatchObject({
      name: 'Swiss roll — ünïcødé 🌀',
      description: expect.stringMatching(/tiny test graph/),
    });
    expect(presets[0].graph?.nodes.length).toBe(5);
    expect(presets[2].graph).toBeNull();
    expect(presets[2].problems[0].message).toMatch(/not valid JSON/);
  });
});
