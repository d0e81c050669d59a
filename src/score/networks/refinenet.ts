/**
 * The papers' RefineNet score networks (model.ncsn, arch "refinenet"), layer for layer
 * (docs/science.md §2), for images [H, W, C]:
 *
 *   h  = begin 3×3 conv of (2x − 1)
 *   l1 = res1.0, res1.1   ngf → ngf                 at H
 *   l2 = res2.0, res2.1   ngf → 2ngf, down          at H/2 (conv, then 2×2 mean pool)
 *   l3 = res3.0, res3.1   2ngf, "down" dilation 2   at H/2 (no resampling; dilated 3×3 shortcut)
 *   l4 = res4.0, res4.1   2ngf, "down" dilation 4
 *   r1 = refine1([l4]) → 2ngf, r2 = refine2([l3, r1]) → 2ngf,
 *   r3 = refine3([l2, r2]) → ngf, r4 = refine4([l1, r3]) → ngf (end)
 *   out = end 3×3 conv(ELU(norm(r4)))
 *
 * A refine block: per input an adapt RCU block (2 residual units of 2 × [act, 3×3 conv]), a
 * multi-resolution fusion when there are two inputs (3×3 conv per input, bilinear align_corners
 * resize to the larger input, sum), chained residual pooling (ELU; twice: pool 5×5, 3×3 conv,
 * add), and an output RCU block of 1 unit (3 in the last block). RCU and CRP convs have no bias.
 *
 * - divide-by-sigma: NCSNv2's `NCSNv2` (32 px net). Norms only in the residual blocks and
 *   the head; the refine blocks have none; CRP max-pools; output divided by σ (Technique 3).
 * - conditional-norm: NCSN v1's `CondRefineNetDilated`. Every RefineNet layer is conditioned
 *   too: a norm before each RCU stage, each fusion conv and each CRP pool; CRP average-pools;
 *   no division by σ.
 *
 * Weight names are the reference modules' paths (`res2.0.conv1/w`, `refine4.crp.convs.1/w`), so
 * a PyTorch twin maps one to one. Odd sizes (7 px) skip the one downsample, as the compact net does.
 */
import * as tf from '@tensorflow/tfjs';
import { avgPool5, conv, convSpecs, maxPool5, meanPool, resizeBilinear } from './conv';
import type { NcsnConfig } from './ncsn';
import type { ScoreNetwork } from './network';
import { normalize, normalizeElu, normSpecs } from './norms';
import type { WeightSpec, WeightTensors } from './weights';

interface ResidualPlan {
  name: string;
  cin: number;
  cout: number;
  /** The reference's resample='down'. */
  down: boolean;
  /** Dilation of every conv in the block, or null for plain convs. */
  dilation: number | null;
}
interface RefinePlan {
  name: string;
  inputs: number[];
  features: number;
  end: boolean;
}

/** The reference's module list (NCSNv2 and CondRefineNetDilated share it). */
export function refinenetPlan(ngf: number): { residual: ResidualPlan[][]; refine: RefinePlan[] } {
  const f = ngf;
  const res = (name: string, cin: number, cout: number, down: boolean, dilation: number | null) => ({
    name,
    cin,
    cout,
    down,
    dilation,
  });
  return {
    residual: [
      [res('res1.0', f, f, false, null), res('res1.1', f, f, false, null)],
      [res('res2.0', f, 2 * f, true, null), res('res2.1', 2 * f, 2 * f, false, null)],
      [res('res3.0', 2 * f, 2 * f, true, 2), res('res3.1', 2 * f, 2 * f, false, 2)],
      [res('res4.0', 2 * f, 2 * f, true, 4), res('res4.1', 2 * f, 2 * f, false, 4)],
    ],
    refine: [
      { name: 'refine1', inputs: [2 * f], features: 2 * f, end: false },
      { name: 'refine2', inputs: [2 * f, 2 * f], features: 2 * f, end: false },
      { name: 'refine3', inputs: [2 * f, 2 * f], features: f, end: false },
      { name: 'refine4', inputs: [f, f], features: f, end: true },
    ],
  };
}

/** Builds the RefineNet for images of `shape` [H, W, C] (checked by the caller, ncsnNetwork). */
export function refinenetNetwork(
  config: NcsnConfig,
  shape: readonly [number, number, number],
  condLevels: number | null,
): ScoreNetwork {
  const [height, width, channels] = shape;
  const conditional = condLevels !== null;
  const canDown = height % 2 === 0 && width % 2 === 0;
  const plan = refinenetPlan(config.ngf);
  const norm = (name: string, features: number) => normSpecs(name, config.norm, features, condLevels);
  /** A norm that exists only in the conditional (NCSN v1) refine blocks. */
  const refineNorm = (name: string, features: number) => (conditional ? norm(name, features) : []);

  const residualSpecs = (b: ResidualPlan): WeightSpec[] => {
    const mid = b.down ? b.cin : b.cout;
    const specs = [
      ...norm(`${b.name}.normalize1`, b.cin),
      ...convSpecs(`${b.name}.conv1`, 3, b.cin, mid),
      ...norm(`${b.name}.normalize2`, mid),
      ...convSpecs(`${b.name}.conv2`, 3, mid, b.cout),
    ];
    if (b.cin !== b.cout || b.down)
      specs.push(...convSpecs(`${b.name}.shortcut`, b.dilation ? 3 : 1, b.cin, b.cout));
    return specs;
  };
  const rcuSpecs = (name: string, features: number, units: number): WeightSpec[] =>
    Array.from({ length: units }, (_, i) =>
      [1, 2].flatMap((j) => [
        ...refineNorm(`${name}.${i + 1}_${j}_norm`, features),
        ...convSpecs(`${name}.${i + 1}_${j}_conv`, 3, features, features, false),
      ]),
    ).flat();
  const refineSpecs = (b: RefinePlan): WeightSpec[] => [
    ...b.inputs.flatMap((cin, i) => rcuSpecs(`${b.name}.adapt_convs.${i}`, cin, 2)),
    ...(b.inputs.length > 1
      ? b.inputs.flatMap((cin, i) => [
          ...refineNorm(`${b.name}.msf.norms.${i}`, cin),
          ...convSpecs(`${b.name}.msf.convs.${i}`, 3, cin, b.features),
        ])
      : []),
    ...[0, 1].flatMap((i) => [
      ...refineNorm(`${b.name}.crp.norms.${i}`, b.features),
      ...convSpecs(`${b.name}.crp.convs.${i}`, 3, b.features, b.features, false),
    ]),
    ...rcuSpecs(`${b.name}.output_convs`, b.features, b.end ? 3 : 1),
  ];
  const specs: WeightSpec[] = [
    ...convSpecs('begin_conv', 3, channels, config.ngf),
    ...plan.residual.flat().flatMap(residualSpecs),
    ...plan.refine.flatMap(refineSpecs),
    ...norm('normalizer', config.ngf),
    ...convSpecs('end_conv', 3, config.ngf, channels),
  ];

  const apply = (w: WeightTensors, x: tf.Tensor, _sigma: tf.Tensor1D, labels: tf.Tensor1D): tf.Tensor => {
    const oneHot = condLevels
      ? (tf.cast(tf.oneHot(tf.cast(labels, 'int32'), condLevels), 'float32') as tf.Tensor2D)
      : null;
    const c = (h: tf.Tensor4D, name: string, dilation = 1) =>
      conv(h, w[`${name}/w`] as tf.Tensor4D, w[`${name}/b`] as tf.Tensor1D | undefined, dilation);
    const n = (h: tf.Tensor4D, name: string) => normalize(config.norm, h, w, name, oneHot);
    /** The refine blocks' norms: NCSN v1 only. */
    const rn = (h: tf.Tensor4D, name: string) => (conditional ? n(h, name) : h);
    const elu = (h: tf.Tensor4D) => tf.elu(h) as tf.Tensor4D;
    /** ELU(norm(h)): one fused op where the backend has one. */
    const ne = (h: tf.Tensor4D, name: string) => normalizeElu(config.norm, h, w, name, oneHot);
    const rne = (h: tf.Tensor4D, name: string) => (conditional ? ne(h, name) : elu(h));

    const residual = (h: tf.Tensor4D, b: ResidualPlan): tf.Tensor4D => {
      const d = b.dilation ?? 1;
      let out = c(ne(h, `${b.name}.normalize1`), `${b.name}.conv1`, d);
      out = c(ne(out, `${b.name}.normalize2`), `${b.name}.conv2`, d);
      const pool = b.down && b.dilation === null && canDown;
      if (pool) out = meanPool(out);
      if (b.cin === b.cout && !b.down) return tf.add(h, out);
      // ConvMeanPool's 1×1 conv commutes with the mean pool: pooling first is the same, and cheaper.
      return tf.add(c(pool ? meanPool(h) : h, `${b.name}.shortcut`, d), out);
    };
    const rcu = (h: tf.Tensor4D, name: string, units: number): tf.Tensor4D => {
      for (let i = 1; i <= units; i++) {
        let out = h;
        for (const j of [1, 2]) out = c(rne(out, `${name}.${i}_${j}_norm`), `${name}.${i}_${j}_conv`);
        h = tf.add(out, h);
      }
      return h;
    };
    const refine = (inputs: tf.Tensor4D[], b: RefinePlan): tf.Tensor4D => {
      const adapted = inputs.map((h, i) => rcu(h, `${b.name}.adapt_convs.${i}`, 2));
      const [, outH, outW] = inputs[0].shape;
      const fused = adapted
        .map((h, i) =>
          adapted.length > 1
            ? resizeBilinear(c(rn(h, `${b.name}.msf.norms.${i}`), `${b.name}.msf.convs.${i}`), outH, outW)
            : h,
        )
        .reduce((a, h) => tf.add(a, h));
      let out = elu(fused);
      let path = out;
      for (const i of [0, 1]) {
        const normed = rn(path, `${b.name}.crp.norms.${i}`);
        path = c(conditional ? avgPool5(normed) : maxPool5(normed), `${b.name}.crp.convs.${i}`);
        out = tf.add(path, out);
      }
      return rcu(out, `${b.name}.output_convs`, b.end ? 3 : 1);
    };

    let h = c(tf.sub(tf.mul(x as tf.Tensor4D, 2), 1), 'begin_conv');
    const layers: tf.Tensor4D[] = [];
    for (const stage of plan.residual) {
      for (const block of stage) h = residual(h, block);
      layers.push(h);
    }
    const [l1, l2, l3, l4] = layers;
    const [b1, b2, b3, b4] = plan.refine;
    const r1 = refine([l4], b1);
    const r2 = refine([l3, r1], b2);
    const r3 = refine([l2, r2], b3);
    const r4 = refine([l1, r3], b4);
    return c(ne(r4, 'normalizer'), 'end_conv');
  };

  return {
    kind: 'ncsn',
    config: { ...config },
    shape: [height, width, channels],
    levels: condLevels,
    dividesBySigma: !conditional,
    weightSpecs: specs,
    apply,
  };
}
