/**
 * File → Export → PyTorch: the whole project as one zip (in the runtime worker, which has tfjs
 * to resolve the data and sigmas). Files sit in a folder named after the graph.
 */
import { zipSync } from 'fflate';
import type { Graph } from '../../graph';
import type { NodeRegistry } from '../../nodes/registry';
import { planExport } from './export-plan';
import { buildProject } from './project';
import { resolveValues } from './resolve';

export type PytorchZip = { ok: true; name: string; zip: Uint8Array } | { ok: false; problems: string[] };

/** "Swiss roll: train…" → "swiss-roll-train…" (file names). */
export function projectSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'scoregraph';
}

export async function exportPytorchZip(
  graph: Graph,
  registry: NodeRegistry,
  backend: string,
): Promise<PytorchZip> {
  const plan = planExport(graph, registry);
  if (!plan.ok) return plan;
  try {
    const resolved = await resolveValues(plan, registry, backend);
    const files = buildProject(plan.selection, resolved, graph.name || 'scoregraph graph');
    const folder = `${projectSlug(graph.name)}-pytorch`;
    const encoder = new TextEncoder();
    const entries: Record<string, Uint8Array> = {};
    for (const [path, content] of Object.entries(files))
      entries[`${folder}/${path}`] = typeof content === 'string' ? encoder.encode(content) : content;
    return { ok: true, name: `${folder}.zip`, zip: zipSync(entries, { level: 6 }) };
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  }
}
