/**
 * The WASM kernel patches that run as loops over the heap (InstanceNorm++ forward and gradient,
 * Adam + EMA: src/runtime/kernels/wasm-*.ts) against what tfjs composes without them, on one
 * training step of the `mnist-quick` preset's network (compact NCSN, ngf 16, 14-px digits),
 * interleaved in one process: steady CPU ms per step and tfjs kernels per step, stock ÷ ours.
 */
import * as tf from '@tensorflow/tfjs';
import { wasmParameterUpdate } from '../../src/runtime/kernels/wasm-adam-ema';
import { registerWasmInstanceNorm } from '../../src/runtime/kernels/wasm-instance-norm';
import {
  INSTANCE_NORM_GRAD_KERNEL,
  INSTANCE_NORM_KERNEL,
} from '../../src/score/networks/fused-instance-norm';
import { composedParameterUpdate } from '../../src/score/parameter-update';
import { loadQuickDigits, quickDraws, quickNetwork, quickTrainer } from '../lib/quick-step';
import type { Report } from '../lib/report';
import { cpuMs, interleave, median, pairedRatio } from '../lib/stats';

export async function benchWasmKernels(
  report: Report,
  batches: readonly number[],
  steps: number,
  rounds: number,
) {
  if (tf.getBackend() !== 'wasm') throw new Error('benchWasmKernels runs on the WASM backend.');
  const data = await loadQuickDigits();
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
      const trainer = quickTrainer(net, data, stock ? composedParameterUpdate : wasmParameterUpdate);
      await trainer.run(2, draw); // WASM is synchronous: the read-back only ends the run
      const cpu0 = cpuMs();
      await trainer.run(steps, draw);
      const ms = (cpuMs() - cpu0) / steps;
      const profile = await tf.profile(() => trainer.step(draw()));
      tf.dispose(profile.result);
      trainer.dispose();
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
