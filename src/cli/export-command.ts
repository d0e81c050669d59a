/**
 * `scoregraph export <graph.json> --to pytorch --out DIR`: writes the graph as a PyTorch project
 * (src/export/pytorch). Every file is made in memory first: on any problem nothing is written.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseGraph } from '../graph';
import type { NodeRegistry } from '../nodes/registry';
import { planExport } from '../export/pytorch/export-plan';
import { buildProject } from '../export/pytorch/project';
import { resolveValues } from '../export/pytorch/resolve';
import { onNodeBackend } from '../runtime/backend-node';
import type { CliIo } from './run-command';

export const EXPORT_USAGE = `Usage: scoregraph export <graph.json> --to pytorch --out DIR

Writes DIR/train.py, model.py, data.py, sample.py, checkpoint.py, requirements.txt, README.md
(and data/*.npy for image data): a PyTorch project that trains the graph's network with
torchrun and writes scoregraph checkpoints. Exit status: 0 written, 2 the graph cannot be exported.`;

interface ExportArgs {
  graphPath: string;
  out: string;
}

function parseExportArgs(argv: readonly string[]): ExportArgs {
  let graphPath = '';
  let out = '';
  let to = '';
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--to') to = value();
    else if (flag === '--out') out = value();
    else if (flag.startsWith('--')) throw new Error(`Unknown flag "${flag}".`);
    else if (graphPath) throw new Error(`Only one graph file, please (got "${graphPath}" and "${flag}").`);
    else graphPath = flag;
  }
  if (!graphPath) throw new Error('No graph file given.');
  if (to !== 'pytorch')
    throw new Error(to ? `--to must be pytorch (got "${to}").` : '--to pytorch is required.');
  if (!out) throw new Error('--out DIR is required.');
  return { graphPath, out };
}

/** argv without the leading "export". */
export async function runExport(argv: readonly string[], registry: NodeRegistry, io: CliIo): Promise<number> {
  let args: ExportArgs;
  try {
    args = parseExportArgs(argv);
  } catch (error) {
    io.stderr(`scoregraph export: ${(error as Error).message}`);
    io.stderr(EXPORT_USAGE);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(args.graphPath, 'utf8');
  } catch {
    io.stderr(`scoregraph export: cannot read the graph file "${args.graphPath}".`);
    return 2;
  }
  const parsed = parseGraph(text, registry);
  const plan = parsed.ok
    ? planExport(parsed.graph, registry)
    : { ok: false as const, problems: parsed.problems.map((p) => p.message) };
  if (!plan.ok) {
    io.stderr(`scoregraph export: ${args.graphPath} cannot be exported to PyTorch:`);
    for (const p of plan.problems) io.stderr(`  - ${p}`);
    return 2;
  }
  let files;
  try {
    const resolved = await onNodeBackend('cpu', (backend) => resolveValues(plan, registry, backend));
    files = buildProject(plan.selection, resolved, plan.graph.name || args.graphPath);
  } catch (error) {
    io.stderr(`scoregraph export: ${(error as Error).message}`);
    return 2;
  }
  for (const [path, content] of Object.entries(files)) {
    const target = join(args.out, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  io.stdout(
    `Wrote a PyTorch project (${Object.keys(files).length} files) to ${args.out}/ — see its README.md.`,
  );
  return 0;
}
