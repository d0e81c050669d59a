/** Writes a run's results: summary.json, and a PNG + .npy for every viewer node. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Json } from '../graph';
import type { Plan } from '../runtime/compile';
import type { Executor, RunResult } from '../runtime/execute';
import { displayArray, drawDisplay } from '../runtime/render/draw-display';
import { encodeNpy } from '../runtime/render/npy';
import { encodePng } from '../runtime/render/png';
import type { RunArgs } from './args';
import { checkpointFiles } from '../runtime/checkpoints/files';
import type { WebGpuAdapterReport } from '../runtime/webgpu-backend';

export async function writeOutputs(options: {
  args: RunArgs;
  plan: Plan;
  result: RunResult;
  executor: Executor;
  backend: string;
  /** The WebGPU adapter the run used, when it ran on WebGPU. */
  adapter?: WebGpuAdapterReport;
}): Promise<string[]> {
  const { args, plan, result, backend } = options;
  await mkdir(args.out, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, data: string | Uint8Array) => {
    await writeFile(join(args.out, name), data);
    written.push(name);
  };

  const nodes: Record<string, Json> = {};
  for (const step of plan.steps) {
    const r = result.nodes.get(step.nodeId);
    nodes[step.nodeId] = {
      type: step.kind.type,
      status: r?.status ?? 'not run',
      seconds: r?.seconds ?? null,
      summary: r?.summary ?? null,
      ...(r?.message ? { message: r.message } : {}),
    };
    if (step.kind.view && r?.display) {
      const raster = drawDisplay(r.display);
      // tEXt is Latin-1: escape everything else so the embedded JSON survives byte-exact.
      const graphText = JSON.stringify(plan.graph).replace(
        /[\u007f-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      await write(
        `${step.nodeId}.png`,
        await encodePng(raster.width, raster.height, raster.rgba, { scoregraph: graphText }),
      );
      const { data, shape } = displayArray(r.display);
      await write(`${step.nodeId}.npy`, encodeNpy(data, shape));
    }
  }
  if (args.saveCheckpoints)
    for (const [name, bytes] of await checkpointFiles(plan, options.executor)) await write(name, bytes);
  const summary = {
    graph: plan.graph.name,
    backend,
    ...(options.adapter ? { adapter: options.adapter } : {}),
    seed: args.seed ?? null,
    status: result.status,
    seconds: Math.round(result.seconds * 1000) / 1000,
    ...(result.message ? { message: result.message } : {}),
    nodes,
  };
  await write('summary.json', JSON.stringify(summary, null, 2) + '\n');
  return written;
}
