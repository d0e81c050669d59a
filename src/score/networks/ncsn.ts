/**
 * model.ncsn's networks. `arch: "refinenet"` is the papers' net (refinenet.ts); `arch: "compact"`
 * (the default, so older graphs and checkpoints keep their meaning) is the one built here:
 * a compact NCSNv2-style conv score net (docs/science.md §2) for small images [H, W, C],
 * about 42 % of NCSNv2's parameters at the same ngf:
 *
 *   h  = begin 3×3 conv of (2x − 1)                       (x in [0, 1] plus noise; §2.2)
 *   l1 = res1a, res1b      ngf → ngf        at H
 *   l2 = res2a, res2b      ngf → 2ngf       at H/2 (mean-pool "down"; at H when H or W is odd)
 *   l3 = res3a, res3b      2ngf, dilation 2 at the same size
 *   l4 = res4a, res4b      2ngf, dilation 4
 *   r1 = refine1([l4]) → 2ngf, r2 = refine2([l3, r1]) → 2ngf,
 *   r3 = refine3([l2, r2]) → ngf, r4 = refine4([l1, r3↑]) → ngf
 *   out = end 3×3 conv(ELU(norm(r4))) → C, no output activation; divided by sigma (Technique 3)
 *         unless the norms are conditional (NCSN's CIN++), which then carry the noise level.
 *
 * Residual blocks are NCSNv2's pre-activation blocks: x + conv2(ELU(norm2(conv1(ELU(norm1(x)))))),
 * with a 1×1 conv shortcut when the channels change (after the mean pool when going down).
 * Refine blocks are a lighter RefineNet: per input ELU + 3×3 conv (lower-resolution inputs
 * are upsampled after their conv), summed, then one residual conv unit (ELU, conv, ELU,
 * conv), no normalisation (as in NCSNv2's RefineNet sub-blocks). Only one real downsample,
 * so 28, 14 and 7 px all work; every conv is a fused conv + bias.
 */
import * as tf from '@tensorflow/tfjs';
import { conv, convSpecs, meanPool, upsample2x } from './conv';
import { convElu } from './fused-elu';
import type { ScoreNetwork } from './network';
import { normalizeElu, normSpecs, type NormKind } from './norms';
import { refinenetNetwork } from './refinenet';
import type { WeightSpec, WeightTensors } from './weights';

export type Conditioning = 'divide-by-sigma' | 'conditional-norm';
export const CONDITIONINGS: readonly Conditioning[] = ['divide-by-sigma', 'conditional-norm'];
export type NcsnArch = 'compact' | 'refinenet';
export const NCSN_ARCHS: readonly NcsnArch[] = ['compact', 'refinenet'];

export interface NcsnConfig {
  /** refinenet: NCSNv2's / NCSN v1's network; compact (also when absent): the lighter net below. */
  arch?: NcsnArch;
  /** Base channel count (NCSNv2's ngf). */
  ngf: number;
  norm: NormKind;
  conditioning: Conditioning;
}

export const NCSN_DEFAULTS: NcsnConfig = {
  arch: 'compact',
  ngf: 32,
  norm: 'instance++',
  conditioning: 'divide-by-sigma',
};

interface ResPlan {
  name: string;
  cin: number;
  cout: number;
  down: boolean;
  dilation: number;
}
interface RefinePlan {
  name: string;
  inputs: { channels: number; upsample: boolean }[];
  cout: number;
}

function planNcsn(ngf: number, canDown: boolean) {
  const res = (name: string, cin: number, cout: number, dilation = 1, down = false): ResPlan => ({
    name,
    cin,
    cout,
    down,
    dilation,
  });
  const f = ngf;
  const stages: ResPlan[][] = [
    [res('res1a', f, f), res('res1b', f, f)],
    [res('res2a', f, 2 * f, 1, canDown), res('res2b', 2 * f, 2 * f)],
    [res('res3a', 2 * f, 2 * f, 2), res('res3b', 2 * f, 2 * f, 2)],
    [res('res4a', 2 * f, 2 * f, 4), res('res4b', 2 * f, 2 * f, 4)],
  ];
  const same = (channels: number) => ({ channels, upsample: false });
  const refines: RefinePlan[] = [
    { name: 'refine1', inputs: [same(2 * f)], cout: 2 * f },
    { name: 'refine2', inputs: [same(2 * f), same(2 * f)], cout: 2 * f },
    { name: 'refine3', inputs: [same(2 * f), same(2 * f)], cout: f },
    { name: 'refine4', inputs: [same(f), { channels: f, upsample: canDown }], cout: f },
  ];
  return { stages, refines };
}

function resSpecs(b: ResPlan, norm: NormKind, levels: number | null): WeightSpec[] {
  const mid = b.down ? b.cin : b.cout;
  const specs = [
    ...normSpecs(`${b.name}/norm1`, norm, b.cin, levels),
    ...convSpecs(`${b.name}/conv1`, 3, b.cin, mid),
    ...normSpecs(`${b.name}/norm2`, norm, mid, levels),
    ...convSpecs(`${b.name}/conv2`, 3, mid, b.cout),
  ];
  if (b.cin !== b.cout || b.down) specs.push(...convSpecs(`${b.name}/shortcut`, 1, b.cin, b.cout));
  return specs;
}

function refineSpecs(b: RefinePlan): WeightSpec[] {
  return [
    ...b.inputs.flatMap((input, i) => convSpecs(`${b.name}/in${i}`, 3, input.channels, b.cout)),
    ...convSpecs(`${b.name}/rcu1`, 3, b.cout, b.cout),
    ...convSpecs(`${b.name}/rcu2`, 3, b.cout, b.cout),
  ];
}

/** Builds the network for images of `shape` [H, W, C]; `levels` (L) is needed for conditional norms. */
export function ncsnNetwork(
  config: NcsnConfig,
  shape: readonly number[],
  levels: number | null,
): ScoreNetwork {
  if (shape.length !== 3)
    throw new Error(`The conv score net needs images [H, W, C]; got data of shape [${shape}].`);
  const [height, width, channels] = shape;
  const conditional = config.conditioning === 'conditional-norm';
  if (conditional && config.norm === 'none')
    throw new Error(
      'Conditional normalisation needs a normalisation layer: choose a norm other than "none".',
    );
  if (conditional && !(levels && levels > 0))
    throw new Error('Conditional normalisation needs the number of noise levels.');
  const condLevels = conditional ? levels : null;
  if (config.arch === 'refinenet') return refinenetNetwork(config, [height, width, channels], condLevels);
  const canDown = height % 2 === 0 && width % 2 === 0;
  const { stages, refines } = planNcsn(config.ngf, canDown);
  const f = config.ngf;
  const specs: WeightSpec[] = [
    ...convSpecs('begin', 3, channels, f),
    ...stages.flat().flatMap((b) => resSpecs(b, config.norm, condLevels)),
    ...refines.flatMap(refineSpecs),
    ...normSpecs('end/norm', config.norm, f, condLevels),
    ...convSpecs('end', 3, f, channels),
  ];

  const apply = (w: WeightTensors, x: tf.Tensor, _sigma: tf.Tensor1D, labels: tf.Tensor1D): tf.Tensor => {
    const oneHot = condLevels
      ? (tf.cast(tf.oneHot(tf.cast(labels, 'int32'), condLevels), 'float32') as tf.Tensor2D)
      : null;
    const c = (h: tf.Tensor4D, name: string, dilation = 1) =>
      conv(h, w[`${name}/w`] as tf.Tensor4D, w[`${name}/b`] as tf.Tensor1D, dilation);
    const act = (h: tf.Tensor4D, norm: string | null) =>
      norm ? normalizeElu(config.norm, h, w, norm, oneHot) : (tf.elu(h) as tf.Tensor4D);

    const residual = (h: tf.Tensor4D, b: ResPlan): tf.Tensor4D => {
      let out = c(act(h, `${b.name}/norm1`), `${b.name}/conv1`, b.dilation);
      out = c(act(out, `${b.name}/norm2`), `${b.name}/conv2`, b.dilation);
      let skip = h;
      if (b.down) [out, skip] = [meanPool(out), meanPool(h)];
      if (b.cin !== b.cout || b.down) skip = c(skip, `${b.name}/shortcut`);
      return tf.add(skip, out);
    };
    const refine = (inputs: tf.Tensor4D[], b: RefinePlan): tf.Tensor4D => {
      const parts = inputs.map((h, i) => {
        const y = c(act(h, null), `${b.name}/in${i}`);
        return b.inputs[i].upsample ? upsample2x(y) : y;
      });
      const sum = parts.length === 1 ? parts[0] : tf.addN(parts);
      const unit = convElu(
        act(sum, null),
        w[`${b.name}/rcu1/w`] as tf.Tensor4D,
        w[`${b.name}/rcu1/b`] as tf.Tensor1D,
      );
      return tf.add(sum, c(unit, `${b.name}/rcu2`));
    };

    let h = c(tf.sub(tf.mul(x as tf.Tensor4D, 2), 1), 'begin');
    const levelsOut: tf.Tensor4D[] = [];
    for (const stage of stages) {
      for (const block of stage) h = residual(h, block);
      levelsOut.push(h);
    }
    const [l1, l2, l3, l4] = levelsOut;
    const r1 = refine([l4], refines[0]);
    const r2 = refine([l3, r1], refines[1]);
    const r3 = refine([l2, r2], refines[2]);
    const r4 = refine([l1, r3], refines[3]);
    return c(act(r4, 'end/norm'), 'end');
  };

  return {
    kind: 'ncsn',
    config: { ...config, arch: 'compact' }, // explicit, so a checkpoint says which net it holds
    shape: [height, width, channels],
    levels: condLevels,
    dividesBySigma: !conditional,
    weightSpecs: specs,
    apply,
  };
}
