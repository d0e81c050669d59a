/**
 * The WASM kernel patches that run as loops over the heap (InstanceNorm++ forward and gradient,
 * Adam + EMA: src/runtime/kernels/wasm-*.ts) against what tfjs composes without them, on one
 * training step of the `mnist-quick` preset's network (compact NCSN, ngf 16, 14-px digits),
 * interleaved in one process: steady CPU ms per step and tfjs kernels per step, stock ÷ ours.
 */
import * as tf from '@tensorflow/tfjs';
import { wasmParameterUpdate } from '../../src/runtime/kernels/wasm-adam-ema';
import { registerWasmInstanceNorm } from '../../src/runtime/kernels/wasm-instance-norm';
import { loadMnist } from '../../src/score/datasets/mnist';
import {
  INSTANCE_NORM_GRAD_KERNEL,
  INSTANCE_NORM_KERNEL,
} from '../../src/score/networks/fused-instance-norm';
import { createWeights, copyWeights, disposeWeights } from '../../src/score/networks/weights';
import { composedParameterUpdate } from '../../src/score/parameter-update';
import { makeTrainStep, type TrainerState } from '../../src/score/train-step';
import { quickDraws, quickNetwork, QUICK_ADAM, QUICK_ROWS, QUICK_SIGMAS } from '../lib/quick-step';
import type { Report } from '../lib/report';
import { cpuMs, interleave, median, pairedRatio } from '../lib/stats';

export async function benchWasmKernels(
  report: Report,
  batches: readonly number[],
  steps: number,
  rounds: number,
) {
  if (tf.getBackend() !== 'wasm') throw new Error('benchWasmKernels runs on the WASM backend.');
  const { data } = await loadMnist({ digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], size: 14, count: QUICK_ROWS });
  const net = quickNetwork();
  const setStock = (stock: boolean) => {
    if (stock)
      for (const k of [INSTANCE_NORM_KERNEL, INSTANCE_NORM_GRAD_KERNEL]) tf.unregisterKernel(k, 'wasm');
    else registerWasmInstanceNorm();
  };

  for (const batch of batches) {
    const draw = quickDraws(batch);
    /** CPU ms per step over `steps` steps after two warm-up steps, and tfjs kernels in one step. */
    const measure = async (stock: boolean) => {
      setStock(stock);
      const params = createWeights(net.weightSpecs, 3, 'bench-params');
      const ema = copyWeights(params, false, 'bench-ema');
      const update = (stock ? composedParameterUpdate : wasmParameterUpdate)(params, ema, QUICK_ADAM);
      const state: TrainerState = { params, ema, varList: Object.values(params), update };
      const step = makeTrainStep(net, data, QUICK_SIGMAS, state);
      const run = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const perLevel = step(draw());
          if (i === n - 1) await perLevel.data(); // WASM is synchronous: this only ends the run
          perLevel.dispose();
        }
      };
      await run(2);
      const cpu0 = cpuMs();
      await run(steps);
      const ms = (cpuMs() - cpu0) / steps;
      const profile = await tf.profile(() => step(draw()));
      tf.dispose(profile.result);
      update.dispose();
      disposeWeights(params);
      disposeWeights(ema);
      setStock(false);
      return { ms, kernels: profile.kernels.length };
    };
    const runs = await interleave({ stock: () => measure(true), ours: () => measure(false) }, rounds);
    const stock = runs.stock.map((r) => r.ms);
    const ours = runs.ours.map((r) => r.ms);
    const ratio = pairedRatio(stock, ours);
    report.add({
      section: 'wasm',
      name: `mnist-quick net b${batch} · step, stock ÷ ours`,
      where: 'node/wasm',
      value: ratio.median,
      unit: '×',
      detail:
        `CPU ms/step stock ${median(stock).toFixed(0)}, ours ${median(ours).toFixed(0)}; ` +
        `per round ${ratio.values.map((v) => v.toFixed(2)).join(' ')}; ` +
        `tfjs kernels per step ${runs.stock[0].kernels} → ${runs.ours[0].kernels}`,
      raw: runs,
    });
  }
  data.dispose();
}
