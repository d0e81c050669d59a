/**
 * How much memory one training step needs, estimated before any tensor exists (tfjs-free, so
 * the editor and the compiler can use it too), and how to split a batch into micro-batches
 * that fit a backend.
 *
 * A step keeps every intermediate tensor of the forward pass for the backward pass, so its
 * peak grows with the batch: per item, the feature maps the architecture makes (counted layer
 * by layer below, in floats) times a backward factor (the gradients alive at once), plus the
 * weights, their gradient, Adam's two moments and the EMA shadow, which do not grow.
 * The factors are calibrated against tfjs's measured peak (step-memory.test.ts).
 */

export interface StepMemoryInput {
  /** 'ncsn' or 'mlp' (anything else: no estimate). */
  kind: string;
  /** The architecture params (model.ncsn: arch, ngf, norm, conditioning; model.mlp: width, depth). */
  config: Readonly<Record<string, unknown>>;
  /** One item's shape: [H, W, C] for images, [D] for points. */
  shape: readonly number[];
  /** Number of trainable parameters. */
  parameters: number;
  /** The backend the step runs on (it decides how dilated convs run); unknown: the larger count. */
  backend?: string;
}

export interface StepMemory {
  /** Bytes per item of the batch (activations kept for the backward pass, and their gradients). */
  perItemBytes: number;
  /** Bytes that do not grow with the batch: weights, gradient, Adam moments, EMA. */
  fixedBytes: number;
}

const FLOAT = 4;
/**
 * Measured peak per item / the feature maps counted below: 2.9–3.4 on tfjs 4.22 for both
 * architectures at 16–32 px (the backward pass holds gradients and the ops' own temporaries
 * beside the forward maps); rounded up so the estimate stays above the measurement.
 */
const BACKWARD_FACTOR = 3.75;

/** Full-size tensors each op leaves on the tape, in units of its output map. */
const NORM = 4; // x − mean and its square (the variance), x·scale, + shift
const ACT = 1;
const ADD = 1;
const CONV = 1;
/** A dilated conv as space-to-batch phases (conv.ts): pad, two transposes in, the conv, two transposes out, the crop. */
const DILATED_CONV = 6;
/**
 * Backends where a dilated conv is one op with its own gradient (networks/conv-op.ts: the
 * runtime registers its kernels on these, runtime/patch-backend.ts), a CONV like any other.
 * Elsewhere (cpu, WebGL) and on an unknown backend it takes the phases: DILATED_CONV.
 */
const DILATED_CONV_AS_ONE_OP: ReadonlySet<string> = new Set(['wasm', 'webgpu']);

/** Feature-map floats of one item in the compact net or the RefineNet (ncsn.ts, refinenet.ts). */
function ncsnFloats(
  config: Readonly<Record<string, unknown>>,
  shape: readonly number[],
  backend: string | undefined,
): number {
  const [height, width, channels] = shape;
  const dilatedConv = backend !== undefined && DILATED_CONV_AS_ONE_OP.has(backend) ? CONV : DILATED_CONV;
  const f = typeof config.ngf === 'number' ? config.ngf : 32;
  const refinenet = config.arch === 'refinenet';
  const conditional = config.conditioning === 'conditional-norm';
  const norm = config.norm === 'none' ? 0 : NORM;
  const full = height * width;
  const half = height % 2 === 0 && width % 2 === 0 ? full / 4 : full;
  let total = channels * full * 4 + f * full * CONV; // input, noise, perturbed, residual; begin conv

  const residual = (area: number, cin: number, cout: number, dilated: boolean, shortcut: boolean) => {
    const c = dilated ? dilatedConv : CONV;
    return area * (cin * (norm + ACT) + cout * (c + norm + ACT + c + ADD) + (shortcut ? cout * c : 0));
  };
  total += 2 * residual(full, f, f, false, false);
  total += residual(full, f, 2 * f, false, true) + residual(half, 2 * f, 2 * f, false, false);
  for (let i = 0; i < 2; i++)
    total += residual(half, 2 * f, 2 * f, true, refinenet) + residual(half, 2 * f, 2 * f, true, false);

  /** One refine block on `inputs` maps (area, channels) to `features` at the first input's area. */
  const refine = (inputs: [number, number][], features: number, end: boolean) => {
    const area = inputs[0][0];
    if (!refinenet)
      // compact: per input ELU + conv (+ nearest upsample), sum, one residual conv unit
      return (
        inputs.reduce((s, [a, c]) => s + a * c * ACT + area * features * (CONV + 1), 0) +
        area * features * (ADD + 2 * (ACT + CONV) + ADD)
      );
    const rnorm = conditional ? norm : 0;
    const stage = (c: number) => c * (rnorm + ACT + CONV);
    const rcu = (a: number, c: number, units: number) => a * units * (2 * stage(c) + c * ADD);
    let floats = inputs.reduce((s, [a, c]) => s + rcu(a, c, 2), 0);
    if (inputs.length > 1)
      // fusion: per input [norm] + conv (+ resize: two transposes and two matMuls), sum
      floats += inputs.reduce(
        (s, [a, c]) => s + a * c * rnorm + a * features * CONV + area * features * 5,
        0,
      );
    // chained residual pooling: ELU, then twice [norm] + pool (+ pad) + conv + add
    floats += area * features * (ACT + 2 * (rnorm + 2 + CONV + ADD));
    return floats + rcu(area, features, end ? 3 : 1);
  };
  total += refine([[half, 2 * f]], 2 * f, false);
  total += refine(
    [
      [half, 2 * f],
      [half, 2 * f],
    ],
    2 * f,
    false,
  );
  total += refine(
    [
      [half, 2 * f],
      [half, 2 * f],
    ],
    f,
    false,
  );
  total += refine(
    [
      [full, f],
      [half, f],
    ],
    f,
    true,
  );
  // head: norm, ELU, end conv
  return total + full * (f * (norm + ACT) + channels * CONV);
}

/** Feature floats of one item in the MLP (a few [width] vectors per layer). */
function mlpFloats(config: Readonly<Record<string, unknown>>, shape: readonly number[]): number {
  const width = typeof config.width === 'number' ? config.width : 128;
  const depth = typeof config.depth === 'number' ? config.depth : 3;
  return 4 * shape[0] + (depth + 1) * width * 4;
}

/** The estimate for one step of the network described by `input`. */
export function estimateStepMemory(input: StepMemoryInput): StepMemory {
  const floats =
    input.kind === 'ncsn'
      ? ncsnFloats(input.config, input.shape, input.backend)
      : mlpFloats(input.config, input.shape);
  return {
    perItemBytes: Math.ceil(floats * FLOAT * BACKWARD_FACTOR),
    // weights + gradient + Adam's m and v + EMA + the step's update temporaries
    fixedBytes: input.parameters * FLOAT * 6,
  };
}

/**
 * Bytes a step may use per backend. WASM's heap is one 32-bit linear memory (tfjs's build grows
 * it to 4 GiB at most), shared with the data set, the weights and the allocator's slack: a
 * whole-batch step of the compact mnist-ncsnv2 net (6.4 GB estimated) failed with "memory access out of
 * bounds", and in micro-batches under this budget the process peaked at 1.3 GB. The others are
 * generous guesses (GPU memory is not queryable from tfjs).
 */
export const STEP_BUDGET_BYTES: Readonly<Record<string, number>> = {
  wasm: 1.25 * 2 ** 30,
  cpu: 8 * 2 ** 30,
  webgl: 3 * 2 ** 30,
  webgpu: 12 * 2 ** 30,
};

export interface MicroBatchPlan {
  /** Items per micro-batch (= the batch when it fits whole). */
  microBatch: number;
  /** Micro-batches per step. */
  count: number;
  /** Estimated peak bytes of one micro-batch step. */
  bytes: number;
}

/**
 * The largest micro-batch of `batch` that fits `backend`'s budget, splitting into as few equal
 * parts as possible; throws a message naming the largest batch that fits when even one item
 * does not, or when the network cannot be split (BatchNorm: its statistics are the batch's).
 */
export function planMicroBatches(
  memory: StepMemory,
  batch: number,
  backend: string,
  splittable = true,
): MicroBatchPlan {
  const budget = STEP_BUDGET_BYTES[backend] ?? STEP_BUDGET_BYTES.webgl;
  const largest = Math.floor((budget - memory.fixedBytes) / memory.perItemBytes);
  const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  const need = memory.fixedBytes + batch * memory.perItemBytes;
  if (largest >= batch) return { microBatch: batch, count: 1, bytes: need };
  if (largest < 1)
    throw new Error(
      `One training item needs about ${gib(memory.fixedBytes + memory.perItemBytes)} on ${backend}, more than the ${gib(budget)} it can use: lower ngf (or width), the image size, or use a GPU backend.`,
    );
  if (!splittable)
    throw new Error(
      `A step of batch ${batch} needs about ${gib(need)} on ${backend} (it can use ${gib(budget)}); the largest batch that fits is ${largest}. BatchNorm's statistics are the batch's, so it cannot be split into micro-batches: lower the batch size to ${largest} or choose another norm.`,
    );
  const count = Math.ceil(batch / largest);
  const microBatch = Math.ceil(batch / count);
  return { microBatch, count, bytes: memory.fixedBytes + microBatch * memory.perItemBytes };
}
