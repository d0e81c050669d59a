/** metric.digits: the run body, loaded on the first run (see digits.ts). */
import type { RunOf } from '../define';
import type { MetricsDisplay } from '../display';
import type { declaration } from './digits';
import { readItems } from '../../score/sampling/read-items';
import { digitQuality, loadDigitJudge, type DigitQuality } from '../../score/metrics/digit-quality';

const run: RunOf<typeof declaration> = async ({ params, inputs, preview, progress }) => {
  const { data } = inputs.samples;
  const [count, height, width, channels] = data.shape;
  if (data.rank !== 4 || channels !== 1 || height !== width || ![28, 14, 7].includes(height))
    throw new Error(
      `The digit classifier reads one-channel 28, 14 or 7 px square images (got [${data.shape}]).`,
    );
  progress(0, 'loading the classifier');
  const judge = await loadDigitJudge();
  const { values } = await readItems(data);
  progress(0.5, `classifying ${count} samples`);
  const quality = await digitQuality(judge, values, count, height, { threshold: params.threshold });
  preview(digitsDisplay(quality));
  return {};
};

export default run;

const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

/** The node's display: the numbers, and samples per digit as bars. */
export function digitsDisplay(q: DigitQuality): MetricsDisplay {
  return {
    kind: 'metrics',
    rows: [
      { label: 'confident', value: percent(q.confidentShare), note: `p ≥ ${q.threshold} of ${q.count}` },
      { label: 'digits present', value: `${q.digitsPresent} / 10` },
      {
        label: 'Fréchet distance',
        value: q.frechet.toFixed(1),
        note: `floor ${q.frechetFloor.toFixed(1)} · noise ${q.frechetCeiling.toFixed(1)}`,
      },
    ],
    bars: {
      title: 'confident samples per digit',
      labels: q.perDigit.map((_, d) => String(d)),
      values: q.perDigit,
    },
    values: {
      count: q.count,
      threshold: q.threshold,
      confidentShare: q.confidentShare,
      digitsPresent: q.digitsPresent,
      perDigit: q.perDigit,
      frechet: q.frechet,
      frechetFloor: q.frechetFloor,
      frechetCeiling: q.frechetCeiling,
    },
    caption: `${percent(q.confidentShare)} confident · ${q.digitsPresent}/10 digits · FD ${q.frechet.toFixed(1)} (floor ${q.frechetFloor.toFixed(1)}, noise ${q.frechetCeiling.toFixed(1)})`,
  };
}
