/** `scoregraph run`: parse, check, compile and execute a graph headless; write its outputs. */
import { readFile } from 'node:fs/promises';
import { parseGraph, type Graph } from '../graph';
import type { NodeRegistry } from '../nodes/registry';
import { chooseNodeBackend, releaseNodeBackends, type NodeBackendChoice } from '../runtime/backend-node';
import { compile, type Plan } from '../runtime/compile';
import { Calibration, describeEstimate, type RunEstimate } from '../runtime/estimate';
import { DEFAULT_SEED, Executor } from '../runtime/execute';
import { workerGradientHelpers } from '../runtime/parallel/gradient-helpers';
import { cliThreads } from '../runtime/parallel/thread-count';
import { provenance } from '../runtime/provenance';
import { parseArgs, USAGE, type RunArgs } from './args';
import { readCheckpointFile } from '../runtime/checkpoints/files';
import { ProgressPrinter } from './progress';
import { writeOutputs } from './write-outputs';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Whether stderr is a terminal (progress redraws in place). */
  tty?: boolean;
}

export const EXIT = { ok: 0, runFailed: 1, invalid: 2 } as const;

export async function runCli(argv: readonly string[], registry: NodeRegistry, io: CliIo): Promise<number> {
  if (wantsHelp(argv)) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  let args: RunArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.stderr(`scoregraph: ${(error as Error).message}`);
    io.stderr(USAGE);
    return EXIT.invalid;
  }

  let text: string;
  try {
    text = await readFile(args.graphPath, 'utf8');
  } catch {
    io.stderr(`scoregraph: cannot read the graph file "${args.graphPath}".`);
    return EXIT.invalid;
  }
  const parsed = parseGraph(text, registry);
  if (!parsed.ok)
    return invalid(
      io,
      args.graphPath,
      parsed.problems.map((p) => p.message),
    );
  const applied = applySets(parsed.graph, args.sets);
  if ('errors' in applied) return invalid(io, args.graphPath, applied.errors);
  const recheck = parseGraph(JSON.stringify(applied.graph), registry);
  if (!recheck.ok)
    return invalid(
      io,
      args.graphPath,
      recheck.problems.map((p) => p.message),
    );
  const compiled = compile(recheck.graph, registry);
  if (!compiled.ok)
    return invalid(
      io,
      args.graphPath,
      compiled.problems.map((p) => p.message),
    );

  let choice: NodeBackendChoice;
  try {
    choice = await chooseNodeBackend(args.backend);
  } catch (error) {
    io.stderr(`scoregraph: ${(error as Error).message}`);
    await releaseNodeBackends();
    return EXIT.runFailed;
  }
  const { backend } = choice;
  const { threads, note } = cliThreads(args.threads, backend);
  if (note) io.stderr(`scoregraph: ${note}`);
  // Again, now that the backend is known: its memory limits can refuse a batch (train.fit).
  const onBackend = compile(recheck.graph, registry, { backend });
  if (!onBackend.ok) {
    await releaseNodeBackends();
    return invalid(
      io,
      args.graphPath,
      onBackend.problems.map((p) => p.message),
    );
  }
  io.stderr(
    `scoregraph: running "${recheck.graph.name}" on ${backend} (${compiled.plan.steps.length} nodes; ${choice.reason}` +
      `${threads > 1 ? `; training on up to ${threads} threads` : ''})`,
  );
  // model.load names checkpoints by path here (in the browser: by id in its checkpoint store);
  // train.fit shares its batches with worker threads (src/runtime/parallel/).
  const executor = new Executor(backend, {
    readCheckpoint: readCheckpointFile,
    gradientHelpers: workerGradientHelpers(threads, backend),
  });
  if (args.estimate) {
    const estimate = await calibrate(executor, compiled.plan, args.seed);
    executor.clear();
    await releaseNodeBackends();
    if (!estimate) {
      io.stderr('scoregraph: the calibration run failed or measured nothing; run it to see why.');
      return EXIT.runFailed;
    }
    io.stdout(describeEstimate(estimate, backend));
    return EXIT.ok;
  }
  const printer = new ProgressPrinter(io.stderr, io.tty ?? false);
  const result = await executor.execute(compiled.plan, {
    runId: 1,
    signal: new AbortController().signal,
    seed: args.seed,
    onEvent: (event) => printer.handle(event),
  });
  printer.finish();
  const written = await writeOutputs({
    args,
    plan: compiled.plan,
    result,
    executor,
    provenance: provenance(compiled.plan.graph, args.seed ?? DEFAULT_SEED, backend),
    adapter: choice.adapter,
  });
  executor.clear();
  await releaseNodeBackends();
  if (result.status !== 'done') {
    io.stderr(`scoregraph: ${result.message ?? 'the run failed.'}`);
    return EXIT.runFailed;
  }
  io.stdout(`Done in ${result.seconds.toFixed(1)} s. Wrote ${written.length} files to ${args.out}/`);
  return EXIT.ok;
}

/** Runs the plan just long enough to estimate it (src/runtime/estimate.ts), then stops it. */
async function calibrate(
  executor: Executor,
  plan: Plan,
  seed: number | undefined,
): Promise<RunEstimate | null> {
  const calibration = new Calibration();
  const abort = new AbortController();
  await executor.execute(plan, {
    runId: 1,
    signal: abort.signal,
    seed,
    onEvent: (event) => calibration.handle(event) && abort.abort(),
  });
  return calibration.result;
}

/** `scoregraph`, `--help`, `-h` or `help` anywhere before a graph path: usage on stdout, exit 0. */
function wantsHelp(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help';
}

function invalid(io: CliIo, path: string, problems: string[]): number {
  io.stderr(
    `scoregraph: ${path} is not a valid graph (${problems.length} problem${problems.length === 1 ? '' : 's'}):`,
  );
  for (const p of problems) io.stderr(`  - ${p}`);
  return EXIT.invalid;
}

function applySets(graph: Graph, sets: RunArgs['sets']): { graph: Graph } | { errors: string[] } {
  const errors: string[] = [];
  const nodes = graph.nodes.map((n) => ({ ...n, params: { ...n.params } }));
  for (const s of sets) {
    const node = nodes.find((n) => n.id === s.nodeId);
    if (!node) errors.push(`--set ${s.nodeId}.${s.param}: there is no node "${s.nodeId}".`);
    else node.params[s.param] = s.value;
  }
  return errors.length ? { errors } : { graph: { ...graph, nodes } };
}
