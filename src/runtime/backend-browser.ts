/**
 * Backend choice in the browser worker: WebGPU on a real GPU → WebGL on a real GPU → WASM
 * (threads when cross-origin isolated) → CPU. Software adapters (SwiftShader, as on machines
 * without a GPU) are skipped in favour of WASM, which is 10–20× faster there (docs/architecture.md, kernel patches).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { patchBackend } from './patch-backend';
import type { BackendName } from './protocol';
import { registerWebGpuBackend } from './webgpu-backend';

export interface BackendChoice {
  backend: BackendName;
  /** Why this one, in a sentence the toolbar can show on hover. */
  reason: string;
  adapter?: string;
  /** Something the user must hear about once, in words (a forced backend that is slow or failed). */
  warning?: string;
}

const SOFTWARE = /swiftshader|llvmpipe|software|basic render/i;

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

async function webgpuAdapter(): Promise<string | null> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return null;
  const adapter = (await gpu.requestAdapter()) as {
    info?: { vendor?: string; architecture?: string; description?: string; device?: string };
  } | null;
  if (!adapter) return null;
  const info = adapter.info ?? {};
  return (
    [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') || 'unknown GPU'
  );
}

function webglRenderer(): string | null {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  } catch {
    return null;
  }
}

/** The first line of why a backend failed, for a sentence in the UI. */
let lastFailure = '';

/**
 * Starts a backend. tfjs logs a failed initialisation with its stack on the console; that is
 * caught here instead, and its first line becomes part of the warning the UI shows in words.
 */
async function start(name: BackendName): Promise<boolean> {
  const warn = console.warn;
  const heard: string[] = [];
  console.warn = (...args: unknown[]) => void heard.push(args.map(String).join(' '));
  try {
    if (name === 'webgl') tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    if (name === 'webgpu') {
      // tfjs's own registration leaves most device limits at WebGPU's defaults (8 storage
      // buffers per stage where adapters offer 16): ask for the adapter's, as in Node.
      const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
      const adapter = await gpu?.requestAdapter({ powerPreference: 'high-performance' });
      if (!adapter) {
        lastFailure = 'no WebGPU adapter';
        return false;
      }
      registerWebGpuBackend(adapter);
    }
    if (!(await tf.setBackend(name))) {
      lastFailure = heard.find((h) => !/^Initialization of backend/.test(h))?.split('\n')[0] ?? '';
      return false;
    }
    await tf.ready();
    if (name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
      lastFailure = 'no float32 render targets';
      return false; // f16 loses sigma_L updates
    }
    patchBackend(name);
    return true;
  } catch (error) {
    lastFailure = String(error).split('\n')[0];
    return false;
  } finally {
    console.warn = warn;
  }
}

/** The warning for a backend forced in the URL that runs on a software adapter. */
function softwareWarning(name: BackendName, adapter: string | undefined): string | undefined {
  if ((name !== 'webgpu' && name !== 'webgl') || !adapter || !SOFTWARE.test(adapter)) return undefined;
  return (
    `${name === 'webgpu' ? 'WebGPU' : 'WebGL'} here runs on a software adapter (${adapter}), which trains far ` +
    `slower than WASM on the same CPU. Remove ?backend=${name} from the address to use WASM.`
  );
}

export async function chooseBrowserBackend(forced?: BackendName): Promise<BackendChoice> {
  if (forced) {
    const adapter =
      forced === 'webgpu'
        ? ((await webgpuAdapter()) ?? undefined)
        : forced === 'webgl'
          ? (webglRenderer() ?? undefined)
          : undefined;
    if (await start(forced))
      return {
        backend: forced,
        reason: `Chosen in the URL (?backend=${forced}).`,
        adapter,
        warning: softwareWarning(forced, adapter),
      };
    const failure = lastFailure;
    const fallback = await chooseBrowserBackend();
    return {
      ...fallback,
      reason: `${forced} could not start here; ${fallback.reason}`,
      warning:
        `${forced === 'webgpu' ? 'WebGPU' : forced} could not start here` +
        `${failure ? ` (${failure})` : ''}, so this page uses ${fallback.backend.toUpperCase()} instead.`,
    };
  }
  const skipped: string[] = [];
  const gpu = await webgpuAdapter().catch(() => null);
  if (gpu && !SOFTWARE.test(gpu)) {
    if (await start('webgpu')) return { backend: 'webgpu', reason: `WebGPU on ${gpu}.`, adapter: gpu };
  } else if (gpu) skipped.push(`WebGPU is a software adapter (${gpu})`);
  const gl = webglRenderer();
  if (gl && !SOFTWARE.test(gl)) {
    if (await start('webgl')) return { backend: 'webgl', reason: `WebGL on ${gl}.`, adapter: gl };
  } else if (gl) skipped.push(`WebGL is software-rendered (${gl})`);
  const why = skipped.length
    ? `${skipped.join('; ')}, so WASM, which is much faster on the CPU.`
    : 'No GPU backend is available.';
  if (await start('wasm')) {
    const threads =
      typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated ? 'with threads' : 'single-threaded';
    return { backend: 'wasm', reason: `${why} (WASM ${threads}.)` };
  }
  await start('cpu');
  return { backend: 'cpu', reason: `${why} WASM failed to start; using the plain CPU backend.` };
}
