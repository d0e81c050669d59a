/**
 * Which nodes of a graph become which part of a PyTorch project: the one train.fit, the
 * dataset, schedule, network, loss and optimizer wired into it, and the sample.langevin that
 * samples its model. Tfjs-free (the editor may call it). Every node that is neither part of
 * that nor a viewer is a problem, all listed in one message: nothing is half-exported.
 */
import type { Graph, Json } from '../../graph';
import type { NodeRegistry } from '../../nodes/registry';
import type { TorchRole } from '../../nodes/torch-form';
import { TORCH_FORMS } from '../../nodes/all-torch-forms';
import { resolveParams } from '../../nodes/resolve-params';
import { compile, type PlanStep } from '../../runtime/compile';

export interface ExportNode {
  nodeId: string;
  type: string;
  params: Record<string, Json>;
}

/** One node per role; a graph without a sampler gets sample.langevin's defaults (train.py always ends by sampling). */
export type ExportSelection = Record<TorchRole, ExportNode>;

export type ExportPlan =
  { ok: true; selection: ExportSelection; graph: Graph } | { ok: false; problems: string[] };

const TRAINER_INPUTS = {
  dataset: 'dataset',
  schedule: 'schedule',
  model: 'model',
  loss: 'loss',
  optimizer: 'optimizer',
} as const;

const roleOf = (type: string): TorchRole | null => TORCH_FORMS[type]?.role ?? null;
const node = (step: PlanStep): ExportNode => ({
  nodeId: step.nodeId,
  type: step.kind.type,
  params: step.params,
});
const describe = (step: PlanStep) => `"${step.nodeId}" (${step.kind.type})`;

export function planExport(graph: Graph, registry: NodeRegistry): ExportPlan {
  const compiled = compile(graph, registry);
  if (!compiled.ok) return { ok: false, problems: compiled.problems.map((p) => p.message) };
  const steps = compiled.plan.steps;
  const byId = new Map(steps.map((s) => [s.nodeId, s]));
  const trainers = steps.filter((s) => roleOf(s.kind.type) === 'trainer');
  if (trainers.length !== 1)
    return {
      ok: false,
      problems: [
        trainers.length === 0
          ? 'Export to PyTorch needs a train.fit node: the project trains a network.'
          : `Export to PyTorch needs exactly one train.fit node; this graph has ${trainers.length} (${trainers.map(describe).join(', ')}).`,
      ],
    };
  const trainer = trainers[0];
  const problems: string[] = [];
  const used = new Set<string>([trainer.nodeId]);
  const picked: Partial<ExportSelection> = { trainer: node(trainer) };
  for (const [socket, role] of Object.entries(TRAINER_INPUTS)) {
    const source = byId.get(trainer.inputs[socket].nodeId)!;
    used.add(source.nodeId);
    if (roleOf(source.kind.type) !== role)
      problems.push(
        `${describe(source)} feeds train.fit's ${socket} but has no PyTorch form` +
          (role === 'model' ? ' (export trains a fresh model.mlp or model.ncsn).' : '.'),
      );
    else picked[role] = node(source);
  }
  const samplers = steps.filter(
    (s) => roleOf(s.kind.type) === 'sampler' && s.inputs.model?.nodeId === trainer.nodeId,
  );
  const langevin = registry.get('sample.langevin')!;
  picked.sampler = { nodeId: 'sampler', type: langevin.type, params: resolveParams(langevin.params, {}) };
  if (samplers.length > 1)
    problems.push(
      `Export to PyTorch takes one sampler; ${samplers.map(describe).join(' and ')} both sample the trained model.`,
    );
  else if (samplers.length === 1) {
    const sampler = samplers[0];
    used.add(sampler.nodeId);
    if (sampler.inputs.schedule.nodeId !== trainer.inputs.schedule.nodeId)
      problems.push(`${describe(sampler)} must sample with the schedule train.fit trains with.`);
    if (sampler.inputs.dataset && sampler.inputs.dataset.nodeId !== trainer.inputs.dataset.nodeId)
      problems.push(`${describe(sampler)} must start from the dataset train.fit trains on.`);
    picked.sampler = node(sampler);
  }
  const unexported = steps.filter((s) => !used.has(s.nodeId) && !s.kind.view);
  if (unexported.length)
    problems.push(
      'These nodes cannot be exported to PyTorch: ' +
        unexported
          .map(
            (s) =>
              `${describe(s)}, ${roleOf(s.kind.type) ? 'not part of the training run' : 'no PyTorch form'}`,
          )
          .join('; ') +
        '. Remove them to export (viewers may stay: train.py writes its own samples and loss log).',
    );
  return problems.length
    ? { ok: false, problems }
    : { ok: true, selection: picked as ExportSelection, graph };
}
