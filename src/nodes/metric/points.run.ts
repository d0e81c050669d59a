/** metric.points: the run body, loaded on the first run (see points.ts). */
import type { RunOf } from '../define';
import type { MetricsDisplay } from '../display';
import type { declaration } from './points';
import { readItems } from '../../score/sampling/read-items';
import { pointQuality, type PointQuality } from '../../score/metrics/point-quality';

const run: RunOf<typeof declaration> = async ({ inputs, preview }) => {
  const { samples, dataset } = inputs;
  if (samples.data.rank !== 2 || dataset.data.rank !== 2 || samples.data.shape[1] !== dataset.data.shape[1])
    throw new Error(
      `Samples and data must be points of one dimension (got [${samples.data.shape}] and [${dataset.data.shape}]).`,
    );
  const [{ values: points }, { values: data }] = await Promise.all([
    readItems(samples.data),
    readItems(dataset.data),
  ]);
  const dim = samples.data.shape[1] as number; // rank 2, checked above
  preview(pointsMetricDisplay(pointQuality(points, data, dim)));
  return {};
};

export default run;

/** The node's display: both distances as numbers and as two bars. */
export function pointsMetricDisplay(q: PointQuality): MetricsDisplay {
  return {
    kind: 'metrics',
    rows: [
      { label: 'sliced W1', value: q.slicedW1.toFixed(4), note: `${q.count} samples` },
      { label: 'resample', value: q.resampleW1.toFixed(4), note: 'data vs data' },
      { label: 'ratio', value: q.ratio.toFixed(2), note: '≈ 1 is perfect' },
    ],
    bars: { title: 'sliced W1', labels: ['samples', 'resample'], values: [q.slicedW1, q.resampleW1] },
    values: { count: q.count, slicedW1: q.slicedW1, resampleW1: q.resampleW1, ratio: q.ratio },
    caption: `sliced W1 ${q.slicedW1.toFixed(4)} vs resample ${q.resampleW1.toFixed(4)} (${q.ratio.toFixed(2)}×)`,
  };
}
