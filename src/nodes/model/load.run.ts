/** model.load: the run body, loaded on the first run (see load.ts). */
import { formatShape, parseShape, readCheckpointHeader } from '../../graph/checkpoint-header';
import type { RunOf } from '../define';
import type { declaration } from './load';
import { decodeCheckpoint } from '../../score/checkpoint';

const run: RunOf<typeof declaration> = async ({ params, progress, readCheckpoint }) => {
  progress(0, 'reading the checkpoint');
  const data = await readCheckpoint(params.checkpoint.trim());
  const info = readCheckpointHeader(data.json);
  if ('message' in info) throw new Error(info.message);
  const declared = params.shape.trim() ? parseShape(params.shape) : null;
  if (declared && formatShape(declared) !== formatShape(info.shape))
    throw new Error(
      `The checkpoint works on items of shape [${info.shape}], but "shape" says [${declared}]: set shape to "${formatShape(info.shape)}".`,
    );
  if (params.levels > 0 && info.levels !== params.levels)
    throw new Error(
      info.levels === null
        ? `The checkpoint is not tied to a number of levels, but "levels" says ${params.levels}: set levels to 0.`
        : `The checkpoint is conditioned on ${info.levels} levels, but "levels" says ${params.levels}: set levels to ${info.levels}.`,
    );
  progress(0.5, 'building the network');
  const model = decodeCheckpoint(data.json, data.weights);
  progress(1, `${model.kind}, step ${model.step}, ${model.sigmas.length} levels`);
  return { model };
};

export default run;
