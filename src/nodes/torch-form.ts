/**
 * TorchForm: how a node kind appears in an exported PyTorch project (File → Export → PyTorch,
 * `scoregraph export --to pytorch`). A kind that can be exported declares its form in a
 * `<kind>.torch.ts` file beside its declaration; the exporter (src/export/pytorch) asks each
 * node of the graph for its part and assembles the project from the parts. Forms are plain
 * text generators: no tfjs, no science; what needs a run (data, sigmas, ε) arrives resolved.
 */
import type { Json } from '../graph';

/** Values the exporter computed with scoregraph itself before generating code. */
export interface ResolvedValues {
  /** The training data, as scoregraph made it: [count, ...shape] row-major float32. */
  dataset: { shape: number[]; count: number; values: Float32Array };
  /** The schedule's sigmas, largest first, exactly as scoregraph computed them. */
  sigmas: number[];
  /** ε of each sampler node (Technique 4 resolved when the param says 'auto'), by node id. */
  stepSizes: Record<string, number>;
}

export interface TorchContext<P> {
  readonly nodeId: string;
  readonly params: P;
  readonly resolved: ResolvedValues;
}

/** data.py's text, and where the exporter writes scoregraph's data when data.py reads it from a file. */
export interface DatasetPart {
  /** A module defining `load_data()` → float32 tensor [N, ...] (images as NCHW) and `SHAPE` (scoregraph's item shape). */
  code: string;
  /** The project path of an .npy file [N, ...shape] (NHWC images) holding the resolved dataset. */
  dataFile?: string;
  /** One line for the README. */
  summary: string;
}

/** model.py's network class and how to build it. */
export interface ModelPart {
  /** Python class definitions (after the shared imports of model.py). */
  code: string;
  /** A Python expression that builds the network for the graph, e.g. `ScoreMLP(shape=(2,), width=64)`. */
  build: string;
  /** The checkpoint header's `kind` and `config` (what `buildNetwork` reads back). */
  checkpoint: { kind: string; config: Record<string, Json> };
  summary: string;
}

/** Python definitions plus the named settings they read, for train.py / sample.py. */
export interface CodePart {
  code: string;
  /** Constants written at the top of the file, in this order: NAME → Python literal. */
  settings: Record<string, string>;
  summary: string;
}

export type TorchForm<P = Record<string, Json>> =
  | { role: 'dataset'; emit(ctx: TorchContext<P>): DatasetPart }
  | { role: 'schedule'; emit(ctx: TorchContext<P>): { summary: string } }
  | { role: 'model'; emit(ctx: TorchContext<P>): ModelPart }
  | { role: 'loss'; emit(ctx: TorchContext<P>): CodePart }
  | { role: 'optimizer'; emit(ctx: TorchContext<P>): CodePart }
  | { role: 'trainer'; emit(ctx: TorchContext<P>): CodePart }
  | { role: 'sampler'; emit(ctx: TorchContext<P>): CodePart };

export type TorchRole = TorchForm['role'];

/** Declares a kind's PyTorch form. Identity at run time; it exists for the types. */
export function defineTorchForm<P>(form: TorchForm<P>): TorchForm<P> {
  return form;
}

/** A Python literal for a JSON-like value (numbers keep full precision: repr of a double). */
export function py(value: Json | readonly Json[]): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as a Python number.`);
    return String(value); // the shortest text that reads back as the same double, in JS and Python
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => py(v)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, Json>);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`).join(', ')}}`;
}
