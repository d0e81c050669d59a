import { describe, expect, it } from 'vitest';
import type { Graph } from '../../graph';
import type { LossDisplay } from '../../nodes/display';
import { registry } from '../../nodes/registry';
import { liveViewerDisplays } from './live-viewers';

const graph: Graph = {
  format: 'scoregraph',
  version: 1,
  name: 'live',
  nodes: [
    { id: 'train', type: 'train.fit', params: {} },
    { id: 'curve', type: 'view.loss', params: {} },
    { id: 'bars', type: 'view.loss', params: { perLevel: true } },
    { id: 'other', type: 'train.fit', params: {} },
    { id: 'farCurve', type: 'view.loss', params: {} },
  ],
  edges: [
    { from: 'train.losses', to: 'curve.losses' },
    { from: 'train.losses', to: 'bars.losses' },
    { from: 'other.losses', to: 'farCurve.losses' },
  ],
};

const preview: LossDisplay = {
  kind: 'loss',
  steps: [10, 20],
  loss: [3, 2],
  perLevel: [1, 2],
  sigmas: [1, 0.1],
  caption: 'loss 2.000 at step 20',
};

describe('liveViewerDisplays', () => {
  it('sends a training preview to the loss viewers wired to that node, as each would draw it', () => {
    const live = liveViewerDisplays(graph, registry, 'train', preview);
    expect(live.map((l) => l.viewerId)).toEqual(['curve', 'bars']);
    expect(live[0].display).toEqual({
      kind: 'loss',
      steps: [10, 20],
      loss: [3, 2],
      caption: 'live · loss 2.000 at step 20',
    });
    expect(live[1].display).toMatchObject({ perLevel: [1, 2], sigmas: [1, 0.1] });
  });

  it('sends nothing for other kinds of display or unwired nodes', () => {
    const points = {
      kind: 'points' as const,
      points: new Float32Array(2),
      bounds: [0, 1, 0, 1] as [number, number, number, number],
    };
    expect(liveViewerDisplays(graph, registry, 'train', points)).toEqual([]);
    expect(liveViewerDisplays(graph, registry, 'curve', preview)).toEqual([]);
  });
});
