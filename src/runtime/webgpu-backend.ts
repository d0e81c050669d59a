/**
 * tfjs's WebGPU backend on a GPU object we choose (Dawn in Node), with the device asking for the
 * adapter's own limits: tfjs 4.22 asks for six and leaves the rest at WebGPU's defaults, e.g. 8
 * storage buffers per shader stage where the adapter offers 16 (what fused kernels bind).
 */
import * as tf from '@tensorflow/tfjs';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';

/** The adapter limits the device requests: everything a compute kernel can run into. */
const REQUESTED_LIMITS = [
  'maxStorageBuffersPerShaderStage',
  'maxUniformBuffersPerShaderStage',
  'maxBindGroups',
  'maxBindingsPerBindGroup',
  'maxStorageBufferBindingSize',
  'maxUniformBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupSizeZ',
  'maxComputeWorkgroupsPerDimension',
] as const;

export type RequestedLimit = (typeof REQUESTED_LIMITS)[number];

/** What the run reports about its adapter (CLI line, summary.json, bench rows). */
export interface WebGpuAdapterReport {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** A CPU implementation (lavapipe/llvmpipe, SwiftShader, WARP): correct but slow. */
  software: boolean;
  /** Per-kernel GPU times are available to tf.profile (timestamp queries). */
  timestampQuery: boolean;
  limits: Record<RequestedLimit, number>;
}

const SOFTWARE = /llvmpipe|lavapipe|swiftshader|software|warp|basic render/i;

export function describeAdapter(adapter: GPUAdapter): WebGpuAdapterReport {
  const info = adapter.info;
  const text = [info.vendor, info.architecture, info.device, info.description].join(' ');
  const fallback = (info as GPUAdapterInfo & { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    software: fallback || SOFTWARE.test(text),
    timestampQuery: adapter.features.has('timestamp-query'),
    limits: Object.fromEntries(
      REQUESTED_LIMITS.map((k) => [k, adapter.limits[k as keyof GPUSupportedLimits] as number]),
    ) as Record<RequestedLimit, number>,
  };
}

/** One line for people: "mesa software (llvmpipe: Mesa 25.0.7 …), software adapter". */
export function adapterLine(report: WebGpuAdapterReport): string {
  const name = [report.vendor, report.architecture].filter(Boolean).join(' ') || 'unknown vendor';
  const detail = report.description || report.device;
  return `${name}${detail ? ` (${detail})` : ''}, ${report.software ? 'software adapter' : 'hardware adapter'}`;
}

function deviceDescriptor(adapter: GPUAdapter): GPUDeviceDescriptor {
  const requiredFeatures: GPUFeatureName[] = [];
  // tfjs's profiler reads per-kernel GPU time through timestamp queries when the device has them.
  if (adapter.features.has('timestamp-query')) requiredFeatures.push('timestamp-query');
  const requiredLimits: Record<string, number> = {};
  for (const k of REQUESTED_LIMITS) {
    const v = adapter.limits[k as keyof GPUSupportedLimits];
    if (typeof v === 'number') requiredLimits[k] = v;
  }
  return { requiredFeatures, requiredLimits };
}

/**
 * Registers (or re-registers) the 'webgpu' backend on `adapter`. tfjs's own registration only
 * happens when navigator.gpu exists at import time and asks the adapter again; ours uses the
 * adapter we already chose and described.
 */
export function registerWebGpuBackend(adapter: GPUAdapter): void {
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  tf.registerBackend(
    'webgpu',
    async () => {
      const device = await adapter.requestDevice(deviceDescriptor(adapter));
      return new WebGPUBackend(device, adapter.info);
    },
    3, // tfjs's own priority for webgpu
  );
}
