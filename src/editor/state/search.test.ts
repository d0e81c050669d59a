import { describe, expect, it } from 'vitest';
import { searchKinds, wordScore } from './search';
import { registry } from '../../nodes/registry';

const types = (query: string) => searchKinds(registry.all(), query).map((k) => k.type);

describe('node search', () => {
  it('lists every kind by category for an empty query', () => {
    const all = types('');
    expect(all).toHaveLength(registry.all().length);
    expect(all[0].startsWith('data.')).toBe(true);
  });

  it('finds by title, type, category and doc, best match first', () => {
    expect(types('langevin')[0]).toBe('sample.langevin');
    expect(types('scatter')[0]).toBe('view.points');
    expect(types('mlp')[0]).toBe('model.mlp');
    expect(types('view')).toEqual(expect.arrayContaining(['view.points', 'view.loss']));
    expect(types('unit square')[0]).toBe('data.toy2d'); // only in the doc
  });

  it('is fuzzy on short fields: scattered letters of a title match', () => {
    expect(types('gmtric')).toContain('noise.geometric');
    expect(wordScore('gmtric', 'Geometric noise schedule')).toBeGreaterThan(0);
  });

  it('needs every word to match', () => {
    const both = types('adam ema');
    expect(both[0]).toBe('optim.adam');
    expect(types('adam')).toEqual(expect.arrayContaining(both));
    expect(types('ema')).toEqual(expect.arrayContaining(both));
    expect(both.length).toBeLessThan(types('ema').length);
    expect(types('adam zebra')).toEqual([]);
  });

  it('ranks word starts above substrings', () => {
    expect(wordScore('noise', 'Geometric noise schedule')).toBeGreaterThan(
      wordScore('ois', 'Geometric noise schedule'),
    );
  });
});
