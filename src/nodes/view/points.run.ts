/** view.points: the run body, loaded on the first run (see points.ts). */
import { readyModel } from '../model/model-value';
import { pointBounds, pointsDisplay, scaleField } from './displays';
import type { RunOf } from '../define';
import type { declaration } from './points';
import { readItems, scoreField } from '../../score/sampling';

const MAX_POINTS = 20000;
const MAX_OVERLAY = 5000;

const run: RunOf<typeof declaration> = async ({ params, inputs, preview }) => {
  const { samples, dataset, model, schedule } = inputs;
  const points = (await readItems(samples.data, MAX_POINTS)).values;
  const overlay = dataset ? (await readItems(dataset.data, MAX_OVERLAY)).values : undefined;
  const bounds = pointBounds(points, overlay);
  const n = samples.data.shape[0];
  let caption = points.length / 2 < n ? `${points.length / 2} of ${n} points` : `${n} points`;
  let field: Float32Array | undefined;
  if (model && schedule) {
    const scorer = readyModel(model);
    const L = schedule.sigmas.length;
    const sigma = schedule.sigmas[params.level - 1];
    const raw = await scoreField((x, s, labels) => scorer.score(x, s, labels), {
      bounds,
      resolution: params.arrows,
      sigma,
      label: params.level - 1,
    });
    field = scaleField(raw, (bounds[1] - bounds[0]) / params.arrows);
    caption += ` · score field at level ${params.level}/${L} (σ ${sigma.toPrecision(3)})`;
  }
  preview(pointsDisplay(points, { overlay, field, bounds, caption }));
  return {};
};

export default run;
