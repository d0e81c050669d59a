/**
 * WASM matMul with transposeA/transposeB as an explicit Transpose + the plain kernel. The
 * WASM kernel's transposed paths are ~10× slower than its plain one (3.7 ms vs 0.33 ms for
 * [256, 128]ᵀ·[256, 128]), and every matMul gradient takes them: they were most of an MLP
 * training step (bench/README.md, "where the time goes"). A transpose costs ~0.07 ms.
 */
import * as tf from '@tensorflow/tfjs';
import { disposeIntermediates } from './dispose-intermediates';

type Info = tf.TensorInfo;

const registered = new Set<string>();

/** Wraps BatchMatMul and _FusedMatMul of `backendName` (idempotent). */
export function registerTransposeFreeMatMul(backendName: string): void {
  if (registered.has(backendName)) return;
  for (const kernelName of ['BatchMatMul', '_FusedMatMul']) {
    const stock = tf.getKernel(kernelName, backendName);
    if (!stock) throw new Error(`Backend ${backendName} lacks ${kernelName}.`);
    const transpose = tf.getKernel('Transpose', backendName)!.kernelFunc;
    tf.unregisterKernel(kernelName, backendName);
    tf.registerKernel({
      kernelName,
      backendName,
      kernelFunc: (args) => {
        const attrs = args.attrs as { transposeA: boolean; transposeB: boolean };
        if (!attrs.transposeA && !attrs.transposeB) return stock.kernelFunc(args);
        const backend = args.backend as tf.KernelBackend;
        const temps: Info[] = [];
        const swapLast = (x: Info): Info => {
          const perm = x.shape.map((_, i) => i);
          perm.splice(-2, 2, perm.length - 1, perm.length - 2);
          const t = transpose({ inputs: { x }, backend, attrs: { perm } }) as Info;
          temps.push(t);
          return t;
        };
        const inputs = { ...args.inputs } as Record<string, Info>;
        if (attrs.transposeA) inputs.a = swapLast(inputs.a);
        if (attrs.transposeB) inputs.b = swapLast(inputs.b);
        const out = stock.kernelFunc({
          inputs,
          backend,
          attrs: { ...args.attrs, transposeA: false, transposeB: false },
        });
        disposeIntermediates(backend, temps);
        return out;
      },
    });
  }
  registered.add(backendName);
}
