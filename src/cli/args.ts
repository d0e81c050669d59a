/** Command-line flags of `scoregraph run`. */
import type { Json } from '../graph';
import type { NodeBackendName } from '../runtime/backend-node';

const BACKENDS = ['auto', 'webgpu', 'wasm', 'cpu'] as const;
/** Each thread holds its own copy of the network and the data set. */
const MAX_THREADS = 64;

export interface RunArgs {
  graphPath: string;
  out: string;
  /** `auto`: WebGPU on a hardware adapter, else WASM. */
  backend: NodeBackendName | 'auto';
  seed?: number;
  sets: { nodeId: string; param: string; value: Json }[];
  saveCheckpoints: boolean;
  /** Only estimate the run's time on this backend (a short calibration), print it and stop. */
  estimate?: boolean;
  /** Threads that train each batch (1 = this one alone); absent: the backend's default (thread-count.ts). */
  threads?: number;
}

export const USAGE = `Usage: scoregraph run <graph.json> [--out DIR] [--backend auto|webgpu|wasm|cpu] [--seed N]
                      [--set nodeId.param=value ...] [--save-checkpoints]
                      [--estimate] [--threads N]
       scoregraph --help

Runs a scoregraph graph headless and writes into --out (default ./out):
  --backend             auto (default): WebGPU on a hardware GPU adapter, else WASM;
                        webgpu: Dawn (npm "webgpu"), on any adapter, software ones included
  summary.json          the run's graph hash, seed, backend and versions; per node: status,
                        seconds and what it made (networks: architecture, parameters, steps)
  <viewer>.png, .npy    each viewer's plot (the graph inside: drop it on the editor) and
                        its raw float32 array
  <node>.ckpt.json/.bin trained models, with --save-checkpoints
  --estimate            only estimate how long the run takes here: a few seconds of the graph's
                        own first long node on this backend, then print the estimate and stop
  --threads N           threads that share each training batch (wasm, cpu; 1 = off); default on
                        wasm: the cores, up to 4; fewer when a batch has under 4 rows per thread.
                        summary.json says how many each train node used
Exit status: 0 done, 1 a node failed while running, 2 the graph or the flags are invalid.`;

/** Parses argv (without `node script`); throws an Error with a user-facing message on bad flags. */
export function parseArgs(argv: readonly string[]): RunArgs {
  const [command, ...rest] = argv;
  if (command !== 'run') throw new Error(command ? `Unknown command "${command}".` : 'No command given.');
  const args: RunArgs = { graphPath: '', out: 'out', backend: 'auto', sets: [], saveCheckpoints: false };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new Error(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--out':
        args.out = value();
        break;
      case '--backend': {
        const b = value() as RunArgs['backend'];
        if (!BACKENDS.includes(b)) throw new Error(`--backend must be ${BACKENDS.join(', ')} (got "${b}").`);
        args.backend = b;
        break;
      }
      case '--seed': {
        const s = Number(value());
        if (!Number.isInteger(s) || s <= 0) throw new Error('--seed must be a whole number above 0.');
        args.seed = s;
        break;
      }
      case '--set':
        args.sets.push(parseSet(value()));
        break;
      case '--save-checkpoints':
        args.saveCheckpoints = true;
        break;
      case '--estimate':
        args.estimate = true;
        break;
      case '--threads': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS)
          throw new Error(`--threads must be a whole number from 1 to ${MAX_THREADS}.`);
        args.threads = n;
        break;
      }
      default:
        if (flag.startsWith('--')) throw new Error(`Unknown flag "${flag}".`);
        if (args.graphPath)
          throw new Error(`Only one graph file, please (got "${args.graphPath}" and "${flag}").`);
        args.graphPath = flag;
    }
  }
  if (!args.graphPath) throw new Error('No graph file given.');
  return args;
}

/** `nodeId.param=value`; the value is JSON when it parses as JSON (numbers, true, [0,1]), else text. */
function parseSet(text: string): RunArgs['sets'][number] {
  const m = /^([A-Za-z][A-Za-z0-9_-]*)\.([A-Za-z0-9_]+)=(.*)$/s.exec(text);
  if (!m) throw new Error(`--set expects nodeId.param=value (got "${text}").`);
  let value: Json;
  try {
    value = JSON.parse(m[3]) as Json;
  } catch {
    value = m[3];
  }
  return { nodeId: m[1], param: m[2], value };
}
