/**
 * The editor ↔ worker message protocol. The editor sends graphs (never tensors); the worker
 * answers with run events. Both directions are one discriminated union each.
 */
import type { Graph, Json } from '../graph';
import type { RunEvent } from './events';
import type { PytorchZip } from '../export/pytorch/export-zip';
import type { GradientCheck } from './gradient-check';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export type ToWorker =
  /** Pick the backend (forced, or the best available) and report it. */
  | { type: 'init'; backend?: BackendName }
  | {
      type: 'run';
      runId: number;
      graph: Graph;
      seed?: number;
      /** Only these nodes and what they need; all when absent. */ targets?: string[];
    }
  | { type: 'cancel'; runId: number }
  /** Drop every cached output (frees tensors). */
  | { type: 'clear-cache' }
  /** Ask for a checkpoint of a trained model output (bytes come back as 'checkpoint'). */
  | { type: 'export-checkpoint'; requestId: number; nodeId: string }
  /** Run the one-step conv-net gradient check on the chosen backend (self-test, e2e). */
  | { type: 'gradient-check'; requestId: number }
  /** Export the graph as a PyTorch project (a zip comes back as 'pytorch-project'). */
  | { type: 'export-pytorch'; requestId: number; graph: Graph };

export type FromWorker =
  | { type: 'ready'; backend: BackendName; reason: string; adapter?: string; warning?: string }
  | { type: 'init-error'; message: string }
  | { type: 'event'; event: RunEvent }
  | { type: 'memory'; numTensors: number; numBytes: number }
  | { type: 'checkpoint'; requestId: number; ok: true; name: string; json: Json; weights: ArrayBuffer }
  | { type: 'checkpoint'; requestId: number; ok: false; message: string }
  | { type: 'gradient-check'; requestId: number; result: GradientCheck }
  | ({ type: 'pytorch-project'; requestId: number } & PytorchZip);
