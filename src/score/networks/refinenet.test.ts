import * as tf from '@tensorflow/tfjs';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../runtime/backend-node';
import { wasmVsCpuGradients } from '../../../test-support/network-gradients';
import { avgPool5, maxPool5, resizeBilinear } from './conv';
import { ncsnNetwork, type NcsnConfig } from './ncsn';
import { networkScore } from './network';
import { normalize } from './norms';
import { countParameters, createWeights, disposeWeights } from './weights';

const refinenet = (over: Partial<NcsnConfig> = {}): NcsnConfig => ({
  arch: 'refinenet',
  ngf: 4,
  norm: 'instance++',
  conditioning: 'divide-by-sigma',
  ...over,
});

/**
 * The reference networks' parameters, module by module, read off their constructors
 * (ermongroup/ncsnv2 models/ncsnv2.py NCSNv2 + layers.py; ermongroup/ncsn
 * models/cond_refinenet_dilated.py CondRefineNetDilated). C channels, f = ngf, L levels;
 * `norm(F)` is InstanceNorm2dPlus (3F) in NCSNv2 and ConditionalInstanceNorm2dPlus (3F·L) in v1,
 * and `rnorm(F)` the norms only v1's refine blocks have (0 in NCSNv2). Convs: k²·cin·cout (+ cout bias).
 */
function referenceTable(C: number, f: number, L: number | null): [string, number][] {
  const norm = (F: number) => 3 * F * (L ?? 1);
  const rnorm = (F: number) => (L === null ? 0 : norm(F));
  const conv = (k: number, cin: number, cout: number, bias = true) => k * k * cin * cout + (bias ? cout : 0);
  /** ResidualBlock(cin → cout): normalize1, conv1, normalize2, conv2 (+ shortcut). */
  const res = (cin: number, cout: number, down: boolean, shortcutK: number | null) => {
    const mid = down ? cin : cout;
    const shortcut = shortcutK === null ? 0 : conv(shortcutK, cin, cout);
    return norm(cin) + conv(3, cin, mid) + norm(mid) + conv(3, mid, cout) + shortcut;
  };
  /** RCUBlock(F, units, 2 stages): per stage [rnorm] + bias-free 3×3 conv. */
  const rcu = (F: number, units: number) => units * 2 * (rnorm(F) + conv(3, F, F, false));
  /** RefineBlock(inputs → F): adapt RCU(2) per input, MSF (two inputs), CRP (2 stages), output RCU. */
  const refine = (inputs: number[], F: number, end: boolean) =>
    inputs.reduce((s, cin) => s + rcu(cin, 2), 0) +
    (inputs.length > 1 ? inputs.reduce((s, cin) => s + rnorm(cin) + conv(3, cin, F), 0) : 0) +
    2 * (rnorm(F) + conv(3, F, F, false)) +
    rcu(F, end ? 3 : 1);
  return [
    ['begin_conv 3×3 C→f', conv(3, C, f)],
    ['res1.0 f→f', res(f, f, false, null)],
    ['res1.1 f→f', res(f, f, false, null)],
    ['res2.0 f→2f down (ConvMeanPool, 1×1 shortcut)', res(f, 2 * f, true, 1)],
    ['res2.1 2f→2f', res(2 * f, 2 * f, false, null)],
    ['res3.0 2f→2f down, dilation 2 (dilated 3×3 shortcut)', res(2 * f, 2 * f, true, 3)],
    ['res3.1 2f→2f dilation 2', res(2 * f, 2 * f, false, null)],
    ['res4.0 2f→2f down, dilation 4 (dilated 3×3 shortcut)', res(2 * f, 2 * f, true, 3)],
    ['res4.1 2f→2f dilation 4', res(2 * f, 2 * f, false, null)],
    ['refine1 [2f] → 2f (start: no MSF)', refine([2 * f], 2 * f, false)],
    ['refine2 [2f, 2f] → 2f', refine([2 * f, 2 * f], 2 * f, false)],
    ['refine3 [2f, 2f] → f', refine([2 * f, 2 * f], f, false)],
    ['refine4 [f, f] → f (end: 3 output units)', refine([f, f], f, true)],
    ['normalizer', norm(f)],
    ['end_conv 3×3 f→C', conv(3, f, C)],
  ];
}
const total = (table: [string, number][]) => table.reduce((s, [, n]) => s + n, 0);

/** Independent NumPy implementation of ConditionalInstanceNorm2dPlus (NCHW there, NHWC here). */
const NUMPY_CIN = `
import json, sys, numpy as np
d = json.load(sys.stdin)
x = np.array(d['x'], dtype=np.float64).reshape(d['shape'])            # [B, H, W, F]
table = np.array(d['table'], dtype=np.float64).reshape(d['levels'], -1)  # [L, 3F]
gamma, alpha, beta = np.split(table[d['labels']], 3, axis=1)           # [B, F] each
means = x.mean(axis=(1, 2))                                             # [B, F]
m = means.mean(axis=1, keepdims=True)
v = means.var(axis=1, ddof=1, keepdims=True)                            # torch.var: unbiased
tilde = (means - m) / np.sqrt(v + 1e-5)
h = (x - means[:, None, None, :]) / np.sqrt(x.var(axis=(1, 2))[:, None, None, :] + 1e-5)
h = h + tilde[:, None, None, :] * alpha[:, None, None, :]
out = gamma[:, None, None, :] * h + beta[:, None, None, :]
print(json.dumps(out.ravel().tolist()))
`;
const hasNumpy = (() => {
  try {
    execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('RefineNet score nets (arch "refinenet")', () => {
  beforeAll(async () => {
    await useNodeBackend('cpu');
  });
  afterAll(async () => {
    await useNodeBackend('wasm');
  });

  it.each([
    ['MNIST', 1, 28],
    ['CIFAR-10', 3, 32],
  ])('%s (%i channel(s), %i px): parameters equal the reference layer list', (_, channels, size) => {
    for (const ngf of [4, 32, 64, 128]) {
      const v2 = ncsnNetwork(refinenet({ ngf }), [size, size, channels], 10);
      const v1 = ncsnNetwork(
        refinenet({ ngf, conditioning: 'conditional-norm' }),
        [size, size, channels],
        10,
      );
      expect(countParameters(v2.weightSpecs), `NCSNv2 ngf ${ngf}`).toBe(
        total(referenceTable(channels, ngf, null)),
      );
      expect(countParameters(v1.weightSpecs), `CondRefineNetDilated ngf ${ngf}`).toBe(
        total(referenceTable(channels, ngf, 10)),
      );
    }
    // The table's totals, which instantiating the reference modules in PyTorch also gives.
    const known =
      channels === 1
        ? { v2_64: 7_426_881, v2_128: 29_689_473, v1_64: 7_638_657 }
        : { v2_64: 7_429_187, v2_128: 29_694_083, v1_64: 7_640_963 };
    expect(total(referenceTable(channels, 64, null))).toBe(known.v2_64);
    expect(total(referenceTable(channels, 128, null))).toBe(known.v2_128);
    expect(total(referenceTable(channels, 64, 10))).toBe(known.v1_64);
  });

  it('is about 2.4× the compact net at the same ngf, whose meaning is unchanged', () => {
    const compact = ncsnNetwork({ ...refinenet({ ngf: 32 }), arch: 'compact' }, [28, 28, 1], 10);
    const absent = ncsnNetwork(
      { ngf: 32, norm: 'instance++', conditioning: 'divide-by-sigma' },
      [28, 28, 1],
      10,
    );
    const full = ncsnNetwork(refinenet({ ngf: 32 }), [28, 28, 1], 10);
    expect(countParameters(absent.weightSpecs)).toBe(countParameters(compact.weightSpecs));
    const ratio = countParameters(compact.weightSpecs) / countParameters(full.weightSpecs);
    expect(ratio).toBeGreaterThan(0.35);
    expect(ratio).toBeLessThan(0.5);
  });

  it('maps [B, H, W, C] to the same shape at 28, 32, 14 and 7 px for both conditionings', () => {
    const before = tf.memory().numTensors;
    for (const [size, channels] of [
      [28, 1],
      [32, 3],
      [14, 1],
      [7, 1],
    ]) {
      for (const conditioning of ['divide-by-sigma', 'conditional-norm'] as const) {
        const net = ncsnNetwork(refinenet({ conditioning }), [size, size, channels], 3);
        expect(net.dividesBySigma).toBe(conditioning === 'divide-by-sigma');
        const weights = createWeights(net.weightSpecs, 5);
        const shape = tf.tidy(() => {
          const x = tf.randomUniform([2, size, size, channels], 0, 1, 'float32', 2);
          const s = networkScore(net, weights, x, tf.tensor1d([1, 0.1]), tf.tensor1d([0, 2], 'int32'));
          expect(s.dataSync().every(Number.isFinite)).toBe(true);
          return s.shape;
        });
        expect(shape, `${size}px ${conditioning}`).toEqual([2, size, size, channels]);
        disposeWeights(weights);
      }
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('conditions every RefineNet layer with CIN++ (v1) and none of them in NCSNv2', () => {
    const names = (conditioning: NcsnConfig['conditioning']) =>
      ncsnNetwork(refinenet({ conditioning }), [28, 28, 1], 10).weightSpecs.map((s) => s.name);
    const v1 = names('conditional-norm');
    const v2 = names('divide-by-sigma');
    for (const layer of ['refine4.adapt_convs.1.2_2_norm', 'refine4.msf.norms.0', 'refine1.crp.norms.1'])
      expect(v1).toContain(`${layer}/affine`);
    expect(v2.filter((n) => n.startsWith('refine') && n.endsWith('/affine'))).toEqual([]);
    expect(v2).toContain('res3.0.shortcut/w');
    expect(v2).not.toContain('refine2.crp.convs.0/b');
  });

  it('resizes bilinearly with align_corners and average-pools counting the zero padding', () => {
    tf.tidy(() => {
      const x = tf.tensor4d([0, 1, 2, 3], [1, 2, 2, 1]);
      expect(Array.from(resizeBilinear(x, 3, 3).dataSync())).toEqual([0, 0.5, 1, 1, 1.5, 2, 2, 2.5, 3]);
      const ones = tf.ones([1, 5, 5, 1]) as tf.Tensor4D;
      const pooled = avgPool5(ones).dataSync();
      expect(pooled[0]).toBeCloseTo(9 / 25, 6); // corner: 3×3 ones inside a 5×5 window
      expect(pooled[12]).toBeCloseTo(1, 6);
    });
  });

  it.runIf(hasNumpy)('CIN++ equals a NumPy reference of ConditionalInstanceNorm2dPlus', () => {
    const [B, H, W, F, L] = [3, 5, 4, 6, 4];
    const labels = [2, 0, 3];
    const x = Array.from({ length: B * H * W * F }, (_, i) => Math.sin(i * 1.7) * 2 + (i % F) * 0.3);
    const table = Array.from({ length: L * 3 * F }, (_, i) => Math.cos(i * 0.9) + 0.5);
    const ours = tf.tidy(() => {
      const oneHot = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), L), 'float32') as tf.Tensor2D;
      const weights = { 'n/affine': tf.tensor2d(table, [L, 3 * F]) };
      return Array.from(
        normalize('instance++', tf.tensor4d(x, [B, H, W, F]), weights, 'n', oneHot).dataSync(),
      );
    });
    const input = JSON.stringify({ x, shape: [B, H, W, F], table, levels: L, labels });
    const reference = JSON.parse(
      execFileSync('python3', ['-c', NUMPY_CIN], { input }).toString(),
    ) as number[];
    expect(ours.length).toBe(reference.length);
    const err = Math.max(...ours.map((v, i) => Math.abs(v - reference[i])));
    expect(err).toBeLessThan(1e-4);
  });
  it.skipIf(hasNumpy)('CIN++ vs NumPy: skipped, python3 with NumPy is not on this machine', () => {});

  it('one-step gradient on WASM matches CPU (CIN++ net: resize, average pool, bias-free convs)', async () => {
    const net = ncsnNetwork(refinenet({ conditioning: 'conditional-norm' }), [8, 8, 1], 3);
    for (const w of await wasmVsCpuGradients(net, () => ({
      x: tf.randomUniform([3, 8, 8, 1], 0, 1, 'float32', 21),
      labels: tf.tensor1d([0, 1, 2], 'int32'),
      sigma: tf.tensor1d([1, 0.5, 0.1]),
    }))) {
      expect(w.length, `gradient of ${w.name}`).toBeGreaterThan(0);
      expect(w.relativeError, w.name).toBeLessThan(2e-3);
    }
  });

  it("max pool 5×5 (NCSNv2's CRP) has the CPU's gradient on WASM where no two inputs tie", async () => {
    // With exact ties (plateaus left by the first pool) the backends route the gradient to
    // different tied inputs (cpu: the first, as PyTorch; wasm: the last): both are subgradients.
    const grad = async (backend: 'wasm' | 'cpu') => {
      await useNodeBackend(backend);
      return tf.tidy(() => {
        const x = tf.randomUniform([3, 8, 8, 4], -1, 1, 'float32', 3) as tf.Tensor4D;
        const probe = tf.randomNormal([3, 8, 8, 4], 0, 1, 'float32', 4);
        return Array.from(
          tf
            .grad((t: tf.Tensor) => tf.sum(tf.mul(maxPool5(t as tf.Tensor4D), probe)))(x)
            .dataSync(),
        );
      });
    };
    const wasm = await grad('wasm');
    const cpu = await grad('cpu');
    expect(Math.max(...wasm.map((v, i) => Math.abs(v - cpu[i])))).toBeLessThan(1e-5);
  });
});
