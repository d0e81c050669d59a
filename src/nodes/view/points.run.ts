/** view.points: the run body, loaded on the first run (see points.ts). */
import { pointBounds, pointsDisplay, scaleField } from './displays';
import type { RunOf } from '../define';
import type { declaration } from './points';
import { readItems, scoreField } from '../../score/sampling';

const MAX_POINTS = 20000;
const MAX_OVERLAY = 5000;

const run: RunOf<typeof declaration> = async ({ params, inputs, preview }) => {
  const { samples, dataset, model, schedule } = inputs;
  if (samples.data.rank !== 2 || samples.data.shape[1] !== 2)
    throw new Error(`view.points shows 2-D points [N, 2] (got [${samples.data.shape}]).`);
  const points = (await readItems(samples.data, MAX_POINTS)).values;
  const overlay = dataset ? (await readItems(dataset.data, MAX_OVERLAY)).values : undefined;
  const bounds = pointBounds(points, overlay);
  const n = samples.data.shape[0];
  let caption = points.length / 2 < n ? `${points.length / 2} of ${n} points` : `${n} points`;
  let field: Float32Array | undefined;
  if (model && schedule) {
    if (!model.ready)
      throw new Error('The model is untrained: train it first with train.fit to draw its field.');
    const L = schedule.sigmas.length;
    if (params.level > L)
      throw new Error(`Level ${params.level} does not exist: the schedule has ${L} levels.`);
    const sigma = schedule.sigmas[params.level - 1];
    const raw = await scoreField((x, s, labels) => model.score(x, s, labels), {
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
