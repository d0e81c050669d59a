/** Writes a run's results: summary.json, and a PNG (graph + provenance inside) and .npy for every viewer. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { displayArray, drawDisplay } from '../render/draw-display';
import { graphPng } from '../render/graph-png';
import { encodeNpy } from '../render/npy';
import type { Plan } from '../runtime/compile';
import type { Executor, RunResult } from '../runtime/execute';
import type { Provenance } from '../runtime/provenance';
import type { WebGpuAdapterReport } from '../runtime/webgpu-backend';
import type { RunArgs } from './args';
import { checkpointFiles } from '../runtime/checkpoints/files';
import { formatSummary, runSummary } from './summary';

export async function writeOutputs(options: {
  args: RunArgs;
  plan: Plan;
  result: RunResult;
  executor: Executor;
  provenance: Provenance;
  /** The WebGPU adapter the run used, when it ran on WebGPU. */
  adapter?: WebGpuAdapterReport;
}): Promise<string[]> {
  const { args, plan, result, executor, provenance } = options;
  await mkdir(args.out, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, data: string | Uint8Array) => {
    await writeFile(join(args.out, name), data);
    written.push(name);
  };

  for (const step of plan.steps) {
    const display = result.nodes.get(step.nodeId)?.display;
    if (!step.kind.view || !display) continue;
    await write(`${step.nodeId}.png`, await graphPng(drawDisplay(display), plan.graph, { ...provenance }));
    const { data, shape } = displayArray(display);
    await write(`${step.nodeId}.npy`, encodeNpy(data, shape));
  }
  if (args.saveCheckpoints)
    for (const [name, bytes] of await checkpointFiles(plan, executor, provenance)) await write(name, bytes);
  await write('summary.json', formatSummary(runSummary(plan, result, executor, provenance, options.adapter)));
  return written;
}
