/**
 * The values an export needs from scoregraph itself: runs the dataset and schedule nodes (and
 * what feeds them) with the runtime, reads the data and the sigmas, and resolves each sampler's
 * ε (NCSNv2 Technique 4 when 'auto', doubled for the NCSN rule, as the sampler nodes do).
 */
import type { NodeRegistry } from '../../nodes/registry';
import type { ResolvedValues } from '../../nodes/torch-form';
import type { DatasetValue, ScheduleValue } from '../../nodes/sockets';
import { compile } from '../../runtime/compile';
import { Executor } from '../../runtime/execute';
import { stepSizeForSchedule } from '../../score/schedule/step-size';
import type { ExportPlan } from './export-plan';

type Ok = Extract<ExportPlan, { ok: true }>;

export async function resolveValues(
  plan: Ok,
  registry: NodeRegistry,
  backend: string,
): Promise<ResolvedValues> {
  const { dataset, schedule, sampler } = plan.selection;
  const compiled = compile(plan.graph, registry, { targets: [dataset.nodeId, schedule.nodeId] });
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
  const executor = new Executor(backend);
  try {
    const result = await executor.execute(compiled.plan, { runId: 1, signal: new AbortController().signal });
    if (result.status !== 'done')
      throw new Error(result.message ?? 'Running the data and schedule nodes failed.');
    const data = executor.outputsOf(dataset.nodeId)!.dataset as DatasetValue;
    const sigmas = [...(executor.outputsOf(schedule.nodeId)!.schedule as ScheduleValue).sigmas];
    const values = (await data.data.data()) as Float32Array;
    return {
      dataset: { shape: [...data.shape], count: data.data.shape[0], values: Float32Array.from(values) },
      sigmas,
      stepSizes: { [sampler.nodeId]: stepSize(sampler.params, sigmas) },
    };
  } finally {
    executor.clear();
  }
}

function stepSize(params: Record<string, unknown>, sigmas: number[]): number {
  const { stepSize, steps, rule } = params as { stepSize: number | 'auto'; steps: number; rule: string };
  if (stepSize !== 'auto') return stepSize;
  if (sigmas.length < 2)
    throw new Error('Step size "auto" (Technique 4) needs at least 2 noise levels: set a number.');
  const { eps } = stepSizeForSchedule(sigmas, steps);
  return rule === 'ncsn' ? 2 * eps : eps;
}
