import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { ncsnNetwork } from '../../score/networks/ncsn';
import type { WeightTensors } from '../../score/networks/weights';
import { train, type TrainOptions } from '../../score/train';
import { releaseNodeBackends, useNodeBackend } from '../backend-node';
import { findDawnAdapter } from '../webgpu-node';

/** 8 bar images (7 px) and a tiny NCSNv2 net: every conv shape, instance norm++, Adam + EMA. */
function setup(): Omit<TrainOptions, 'steps'> {
  const data = tf.tidy(() => {
    const rows = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 3], 'int32'), 7).toFloat();
    const h = tf.reshape(tf.tile(tf.reshape(rows, [8, 7, 1, 1]), [1, 1, 7, 1]), [8, 7, 7, 1]);
    return tf.concat([h, tf.transpose(h, [0, 2, 1, 3])]);
  });
  return {
    network: ncsnNetwork({ ngf: 4, norm: 'instance++', conditioning: 'conditional-norm' }, [7, 7, 1], 4),
    data,
    sigmas: [1, 0.37, 0.14, 0.05],
    sigmaPer: 'sample',
    adam: { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
    ema: { momentum: 0.9, biasCorrection: true },
    batchSize: 8,
    seed: 7,
    logEvery: 2,
  };
}

const values = async (w: WeightTensors) => {
  const out: number[] = [];
  for (const t of Object.values(w)) out.push(...(await t.data()));
  return out;
};

/** 4 steps, then 2 more resumed from them; the weights of both runs and the first run's again. */
async function trainTwice(): Promise<number[][]> {
  const o = setup();
  const first = await train({ ...o, steps: 4 });
  const firstParams = await values(first.model.params);
  const second = await train({
    ...o,
    steps: 2,
    resume: { params: first.model.params, ema: first.model.ema, step: 4 },
  });
  const out = [
    firstParams,
    await values(first.model.params), // resuming must not change what it resumed from
    await values(second.model.params),
    await values(second.model.ema),
    second.log.loss,
  ];
  first.model.dispose();
  second.model.dispose();
  o.data.dispose();
  return out;
}

const found = await findDawnAdapter();
if (!found.adapter) console.warn(`Skipping the WebGPU kernel tests: no adapter (${found.why}).`);

describe.skipIf(!found.adapter)(
  'training on WebGPU (fused Adam + EMA, implicit-GEMM filter gradient)',
  () => {
    afterAll(releaseNodeBackends);

    it('follows the cpu backend step for step, through log points and a resume', async () => {
      await useNodeBackend('cpu');
      const expected = await trainTwice();
      await useNodeBackend('webgpu');
      const before = tf.memory().numTensors;
      const got = await trainTwice();
      expect(tf.memory().numTensors).toBe(before);
      expect(got[1]).toEqual(got[0]);
      ['params after 4', 'params after 4, later', 'params after 6', 'ema after 6', 'losses'].forEach(
        (what, k) => {
          expect(got[k].length, what).toBe(expected[k].length);
          const err = Math.max(...expected[k].map((v, i) => Math.abs(got[k][i] - v)));
          // Adam moves each weight by at most lr = 1e-3 per step: a fraction of a step is agreement.
          expect(err, what).toBeLessThan(5e-5);
        },
      );
    });

    it('spends a few programs on a log point, and none on the snapshot it keeps', async () => {
      await useNodeBackend('webgpu');
      const backend = tf.backend() as unknown as { runWebGPUProgram: (...args: unknown[]) => unknown };
      const run = backend.runWebGPUProgram;
      let programs = 0;
      backend.runWebGPUProgram = function (this: unknown, ...args: unknown[]) {
        programs++;
        return run.apply(this, args);
      };
      const perStep: number[] = [];
      const o = setup();
      try {
        let last = 0;
        const result = await train({
          ...o,
          steps: 6,
          logEvery: 3,
          onStep: () => {
            perStep.push(programs - last);
            last = programs;
          },
        });
        result.model.dispose();
      } finally {
        backend.runWebGPUProgram = run;
        o.data.dispose();
      }
      // Steps 2, 4 and 5 are plain; 3 and 6 read the loss and a weight checksum (one concatenated
      // sum: it was a sum per weight, ~90 programs here); 4 follows the snapshot of step 3 (it was
      // a copy program per weight and EMA shadow, ~170).
      const [, plain, logPoint, afterSnapshot, plain5] = perStep;
      expect(afterSnapshot).toBe(plain);
      expect(plain5).toBe(plain);
      expect(logPoint - plain).toBeGreaterThan(0);
      expect(logPoint - plain).toBeLessThanOrEqual(12);
    });
  },
);
