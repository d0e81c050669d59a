/**
 * Adam + EMA of every weight in one WebGPU dispatch per step (src/score/parameter-update.ts has
 * the equations). tf.train.adam + updateEma run ~14 elementwise programs per weight: 2,281 of
 * the conv net's 3,354 programs per step on an H200, each costing ~0.45 ms of CPU time in
 * tfjs + Dawn (issue 9).
 *
 * All weights live in flat device buffers (θ, m, v, shadow, g), each weight at a 16-byte
 * aligned offset. A step copies the gradients in (buffer copies, no programs), runs one kernel
 * over the flat buffers and copies θ and the shadow back into the weights' own tfjs buffers, in
 * the backend's command stream. The flat θ and shadow are re-read from a weight whenever it was
 * assigned from outside (resume, restore, first step); a weight whose buffer another tensor
 * shares (a snapshot copy) gets a buffer of its own (no program), so copies never change.
 *
 * This reaches into tfjs-backend-webgpu 4.22's backend (command encoder, tensor buffers): the
 * fields used are typed in `BackendInternals` below.
 */
import * as tf from '@tensorflow/tfjs';
import type {} from '@tensorflow/tfjs-backend-webgpu'; // WebGPU's types (@webgpu/types)
import type { Weights } from '../../score/networks/weights';
import {
  registerParameterUpdate,
  type AdamSettings,
  type ParameterUpdate,
} from '../../score/parameter-update';

interface TensorData {
  resource?: GPUBuffer | GPUTexture | null;
  values?: unknown;
  refCount: number;
}

/** The parts of tfjs's WebGPUBackend (4.22) this update uses. */
interface BackendInternals {
  device: GPUDevice;
  queue: GPUQueue;
  tensorMap: { get(dataId: object): TensorData };
  commandEncoder: GPUCommandEncoder | null;
  commandQueueOwnedIds: WeakSet<object>;
  uploadToGPU(dataId: object): void;
  makeTensorInfo(shape: number[], dtype: 'float32'): tf.TensorInfo;
  ensureCommandEncoderReady(): void;
  endComputePassEncoder(): void;
  submitQueue(): void;
}

const WORKGROUP = 64;

const SHADER = /* wgsl */ `
struct Step {
  lr : f32, beta1 : f32, oneMinusBeta1 : f32, beta2 : f32,
  oneMinusBeta2 : f32, epsilon : f32, correction1 : f32, correction2 : f32,
  decay : f32, count : u32,
};
@group(0) @binding(0) var<storage, read_write> theta : array<vec4<f32>>;
@group(0) @binding(1) var<storage, read_write> m : array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> v : array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> shadow : array<vec4<f32>>;
@group(0) @binding(4) var<storage, read> grad : array<vec4<f32>>;
@group(0) @binding(5) var<uniform> step : Step;

@compute @workgroup_size(${WORKGROUP})
fn main(@builtin(global_invocation_id) id : vec3<u32>, @builtin(num_workgroups) groups : vec3<u32>) {
  let i = id.x + id.y * groups.x * ${WORKGROUP}u;
  if (i >= step.count) { return; }
  let g = grad[i];
  // The same operations, in the same order, as tf.train.adam and updateEma.
  let mi = m[i] * step.beta1 + g * step.oneMinusBeta1;
  let vi = v[i] * step.beta2 + (g * g) * step.oneMinusBeta2;
  m[i] = mi;
  v[i] = vi;
  let t = (mi / step.correction1) / (sqrt(vi / step.correction2) + step.epsilon) * (-step.lr) + theta[i];
  theta[i] = t;
  shadow[i] = t + (shadow[i] - t) * step.decay;
}
`;

const pipelines = new WeakMap<GPUDevice, GPUComputePipeline>();

function pipelineFor(device: GPUDevice): GPUComputePipeline {
  let p = pipelines.get(device);
  if (!p) {
    p = device.createComputePipeline({
      label: 'sgAdamEma',
      layout: 'auto',
      compute: {
        module: device.createShaderModule({ code: SHADER, label: 'sgAdamEma' }),
        entryPoint: 'main',
      },
    });
    pipelines.set(device, p);
  }
  return p;
}

/** Float offset of each weight in the flat buffers (multiples of 4: vec4 and 16-byte copies). */
function layout(params: Weights): { names: string[]; offsets: number[]; sizes: number[]; total: number } {
  const names = Object.keys(params);
  const offsets: number[] = [];
  const sizes: number[] = [];
  let total = 0;
  for (const name of names) {
    offsets.push(total);
    sizes.push(params[name].size);
    total += Math.ceil(params[name].size / 4) * 4;
  }
  return { names, offsets, sizes, total: Math.max(4, total) };
}

export function webGpuParameterUpdate(params: Weights, ema: Weights, adam: AdamSettings): ParameterUpdate {
  const backend = tf.backend() as unknown as BackendInternals;
  const { device } = backend;
  const { names, offsets, sizes, total } = layout(params);
  for (const name of names)
    if (!ema[name] || ema[name].size !== params[name].size)
      throw new Error(`Adam + EMA: the EMA shadow lacks a weight "${name}" of the params' shape.`);
  const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  const flat = (label: string) => device.createBuffer({ label, size: total * 4, usage }); // zeroed
  const [theta, m, v, shadow, grad] = ['theta', 'm', 'v', 'shadow', 'grad'].map(flat);
  const stepBuffer = device.createBuffer({
    label: 'sgAdamEma step',
    size: 48,
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  const pipeline = pipelineFor(device);
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [theta, m, v, shadow, grad, stepBuffer].map((buffer, binding) => ({
      binding,
      resource: { buffer },
    })),
  });
  const count = total / 4;
  const groups = Math.ceil(count / WORKGROUP);
  const dispatch: [number, number] = groups <= 65535 ? [groups, 1] : [65535, Math.ceil(groups / 65535)];
  // The dataIds last written from the flat buffers: anything else was assigned from outside.
  const written = {
    theta: new Array<object | null>(names.length).fill(null),
    shadow: new Array<object | null>(names.length).fill(null),
  };
  const f32 = Math.fround;
  let accBeta1 = f32(adam.beta1); // β^t accumulated in float32, as tf.train.adam does
  let accBeta2 = f32(adam.beta2);
  let steps = 0;
  let disposed = false;

  const bufferOf = (t: tf.Tensor): GPUBuffer => {
    backend.uploadToGPU(t.dataId);
    const resource = backend.tensorMap.get(t.dataId).resource;
    if (!(resource instanceof GPUBuffer)) throw new Error('Adam + EMA: a weight is not in a GPU buffer.');
    backend.commandQueueOwnedIds.add(t.dataId);
    return resource;
  };
  /**
   * Gives weight `w` a buffer of its own when another tensor shares its buffer (a snapshot copy),
   * so the copy never changes. The new buffer needs no values: the step writes all of θ and the
   * shadow back from the flat buffers, which the step's sources already read the old one into.
   */
  const unshare = (w: tf.Variable) => {
    if (backend.tensorMap.get(w.dataId).refCount <= 1) return;
    w.assign(tf.engine().makeTensorFromTensorInfo(backend.makeTensorInfo(w.shape, 'float32')));
  };
  /** The weight's buffer as the copy target; a cached read-back of it is stale from now on. */
  const target = (w: tf.Variable): GPUBuffer => {
    const buffer = bufferOf(w);
    backend.tensorMap.get(w.dataId).values = null;
    return buffer;
  };

  return {
    apply(grads, emaDecay, learningRate) {
      if (disposed) throw new Error('Adam + EMA: the update was disposed.');
      if (tf.backend() !== (backend as unknown))
        throw new Error('Adam + EMA: the WebGPU backend is no longer active.');
      const missing = names.filter((n) => !grads[n]);
      if (missing.length) throw new Error(`Adam + EMA: no gradient for weight(s) ${missing.join(', ')}.`);
      tf.tidy(() => {
        const words = new ArrayBuffer(48);
        new Float32Array(words, 0, 9).set([
          learningRate,
          adam.beta1,
          1 - adam.beta1,
          adam.beta2,
          1 - adam.beta2,
          adam.epsilon,
          f32(1 - accBeta1),
          f32(1 - accBeta2),
          emaDecay,
        ]);
        new Uint32Array(words, 36, 1)[0] = count;
        backend.queue.writeBuffer(stepBuffer, 0, words);

        backend.ensureCommandEncoderReady();
        backend.endComputePassEncoder();
        const encoder = backend.commandEncoder!;
        const sources = names.map((name, i) => ({
          g: bufferOf(grads[name]),
          theta: written.theta[i] === params[name].dataId ? null : bufferOf(params[name]),
          shadow: written.shadow[i] === ema[name].dataId ? null : bufferOf(ema[name]),
        }));
        for (const name of names) {
          unshare(params[name]);
          unshare(ema[name]);
        }
        sources.forEach((s, i) => {
          const at = offsets[i] * 4;
          const bytes = sizes[i] * 4;
          encoder.copyBufferToBuffer(s.g, 0, grad, at, bytes);
          if (s.theta) encoder.copyBufferToBuffer(s.theta, 0, theta, at, bytes);
          if (s.shadow) encoder.copyBufferToBuffer(s.shadow, 0, shadow, at, bytes);
        });
        const pass = encoder.beginComputePass();
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindGroup);
        pass.dispatchWorkgroups(dispatch[0], dispatch[1]);
        pass.end();
        names.forEach((name, i) => {
          const at = offsets[i] * 4;
          const bytes = sizes[i] * 4;
          encoder.copyBufferToBuffer(theta, at, target(params[name]), 0, bytes);
          encoder.copyBufferToBuffer(shadow, at, target(ema[name]), 0, bytes);
          written.theta[i] = params[name].dataId;
          written.shadow[i] = ema[name].dataId;
        });
        // Submit now: the next step's writeBuffer of the step constants must come after this use.
        backend.submitQueue();
      });
      accBeta1 = f32(accBeta1 * f32(adam.beta1));
      accBeta2 = f32(accBeta2 * f32(adam.beta2));
      steps++;
    },
    get steps() {
      return steps;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const b of [theta, m, v, shadow, grad, stepBuffer]) b.destroy();
    },
  };
}

export function registerWebGpuParameterUpdate(): void {
  registerParameterUpdate('webgpu', webGpuParameterUpdate);
}
