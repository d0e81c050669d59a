import { describe, expect, it } from 'vitest';
import { emptyGraph } from './empty-graph';
import { addNodes, connect, setParam } from './graph-ops';
import { LiveProblems } from './problems';
import { registry } from '../../nodes/registry';

describe('live problems', () => {
  it('puts compile problems on the nodes they name and clears them when fixed', () => {
    const live = new LiveProblems(registry);
    let g = addNodes(emptyGraph(), [
      { id: 'data', type: 'data.toy2d', params: { count: 1 } },
      { id: 'net', type: 'score.exact', params: {} },
    ]);
    live.check(g);
    expect(live.byNode.get('data')?.[0]).toMatchObject({ param: 'count' });
    expect(live.byNode.get('data')?.[0].message).toContain('between 2 and');
    g = setParam(g, 'data', 'count', 50);
    live.check(g);
    expect(live.byNode.get('data')).toBeUndefined();
    expect(live.byNode.get('net')?.[0]).toMatchObject({ socket: 'dataset' });
    g = connect(g, 'data.dataset', 'net.dataset');
    live.check(g);
    expect(live.summary.value.all).toEqual([]);
  });

  it('keeps the same problem list object when nothing changed (no needless redraws)', () => {
    const live = new LiveProblems(registry);
    const g = addNodes(emptyGraph(), [{ id: 'net', type: 'score.exact', params: {} }]);
    live.check(g);
    const first = live.byNode.get('net');
    let heard = 0;
    live.byNode.listenKey('net', () => heard++);
    live.check(g);
    expect(live.byNode.get('net')).toBe(first);
    expect(heard).toBe(0);
  });
});
