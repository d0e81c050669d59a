/**
 * summary.json, written for people: the run's provenance first, then per node its status, its
 * seconds (to the hundredth) and what it made — a network as its architecture, parameter count and
 * trained steps, a viewer as the shape of what it shows — with numbers to 4 significant digits.
 */
import type { Json } from '../graph';
import type { DisplayPayload } from '../nodes/display';
import type { Plan } from '../runtime/compile';
import type { Executor, RunResult } from '../runtime/execute';
import type { Provenance } from '../runtime/provenance';
import type { WebGpuAdapterReport } from '../runtime/webgpu-backend';

export function runSummary(
  plan: Plan,
  result: RunResult,
  executor: Executor,
  provenance: Provenance,
  adapter?: WebGpuAdapterReport,
): Record<string, Json> {
  const nodes: Record<string, Json> = {};
  for (const step of plan.steps) {
    const r = result.nodes.get(step.nodeId);
    const network = networkOf(executor.outputsOf(step.nodeId));
    const summary = step.kind.view && r?.display ? displayShape(r.display) : (r?.summary ?? null);
    nodes[step.nodeId] = {
      type: step.kind.type,
      status: r?.status ?? 'not run',
      seconds: r?.seconds === undefined ? null : roundSeconds(r.seconds),
      summary: readable(network ? { ...network, ...withoutKeys(asObject(summary), ['ready']) } : summary),
      ...(r?.message ? { message: r.message } : {}),
    };
  }
  return {
    graph: plan.graph.name,
    ...(provenance as unknown as Record<string, Json>),
    ...(adapter ? { adapter: adapter as unknown as Json } : {}),
    status: result.status,
    seconds: roundSeconds(result.seconds),
    ...(result.message ? { message: result.message } : {}),
    nodes,
  };
}

const roundSeconds = (s: number) => Math.round(s * 100) / 100;

/** A network among a node's outputs as {architecture, parameters, trainedSteps}; null when none. */
function networkOf(outputs: Record<string, unknown> | undefined): Record<string, Json> | null {
  for (const value of Object.values(outputs ?? {})) {
    const v = value as {
      kind?: unknown;
      config?: unknown;
      ready?: unknown;
      step?: unknown;
      parameterCount?: unknown;
    };
    if (typeof v !== 'object' || v === null || typeof v.kind !== 'string' || typeof v.config !== 'object')
      continue;
    return {
      architecture: { kind: v.kind, ...(v.config as Record<string, Json>) },
      ...(typeof v.parameterCount === 'number' ? { parameters: v.parameterCount } : {}),
      trainedSteps: typeof v.step === 'number' ? v.step : 0,
    };
  }
  return null;
}

/** What a viewer shows, as shapes and a few numbers (the arrays themselves are in the .npy). */
export function displayShape(d: DisplayPayload): Json {
  switch (d.kind) {
    case 'images':
      return { images: d.count, shape: [d.height, d.width, d.channels], columns: d.columns };
    case 'points':
      return {
        points: d.points.length / 2,
        ...(d.overlay ? { dataPoints: d.overlay.length / 2 } : {}),
        ...(d.field ? { fieldArrows: d.field.length / 4 } : {}),
        bounds: [...d.bounds],
      };
    case 'loss':
      return {
        logged: d.steps.length,
        lastStep: d.steps.at(-1) ?? null,
        firstLoss: d.loss[0] ?? null,
        finalLoss: d.loss.at(-1) ?? null,
        ...(d.perLevel && d.sigmas ? { perLevel: { sigma: [...d.sigmas], loss: [...d.perLevel] } } : {}),
      };
    case 'metrics':
      return { ...d.values }; // a metric's numbers themselves: they are the point of the node
  }
}

function asObject(value: Json | null): Record<string, Json> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function withoutKeys(o: Record<string, Json>, keys: string[]): Record<string, Json> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

/** Every non-integer number to 4 significant digits; non-finite numbers as text. */
function readable(value: Json | null): Json {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    return Number.isInteger(value) ? value : Number(value.toPrecision(4));
  }
  if (Array.isArray(value)) return value.map(readable);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readable(v)]));
  return value;
}

/** Indented JSON with short lists of plain values (sigmas, shapes, bounds) kept on one line. */
export function formatSummary(summary: Json): string {
  return (
    JSON.stringify(summary, null, 2).replace(/\[\n\s*([^[\]{}]*?)\n\s*\]/g, (whole, items: string) =>
      items.length > 400 ? whole : `[${items.split(/,\n\s*/).join(', ')}]`,
    ) + '\n'
  );
}
