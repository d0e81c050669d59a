/**
 * Data-parallel training in Node: worker threads that compute shards of each batch's gradient
 * (helper-thread.ts) for train() (score/parallel-step.ts), so WASM training uses every core
 * (tfjs-backend-wasm runs single-threaded in Node). The data set, the weights and each helper's
 * answer live in SharedArrayBuffers set up once; a step's messages carry only its draw.
 *
 * Workers do not inherit a TypeScript loader from their parent (Node 20), so each starts with
 * tsx's register() before importing the helper, wherever the parent runs (tsx CLI, node --import
 * tsx, vitest). A helper that fails or exits fails the step with a message naming it.
 */
import { Worker } from 'node:worker_threads';
import type {
  GradientHelpers,
  ShardAnswer,
  ShardProblem,
  StartGradientHelpers,
} from '../../score/parallel-step';
import { flatWeightCount } from '../../score/parallel-step';
import { buildNetwork } from '../../score/networks/build';
import type { FromHelper, HelperBackend, ToHelper } from './messages';
import { threadsForBatch } from './thread-count';

/** The code a helper's worker starts with: register tsx, then load helper-thread.ts. */
function bootstrap(): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  const helper = new URL('./helper-thread.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(helper)}); });`;
}

const shared = (floats: number) => new Float32Array(new SharedArrayBuffer(floats * 4));

/** One worker thread and the answer it owes, if any. */
class HelperThread {
  private readonly worker: Worker;
  private waiting: { resolve: () => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  private closing = false;

  constructor(
    readonly index: number,
    readonly answer: Float32Array,
  ) {
    this.worker = new Worker(bootstrap(), { eval: true });
    this.worker.on('message', (message: FromHelper) => {
      if (message.type === 'failed') this.fail(message.message);
      else this.settle();
    });
    this.worker.on('error', (error) => this.fail(error.message));
    this.worker.on('exit', (code) => {
      if (!this.closing) this.fail(`it exited (code ${code})`);
    });
  }

  /** Sends `message` and resolves when the helper answers it. */
  ask(message: ToHelper): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error(`Gradient helper ${this.index} is still busy.`));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private settle(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve();
  }

  private fail(why: string): void {
    this.failure ??= new Error(`Gradient helper thread ${this.index} failed: ${why}`);
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(this.failure);
  }
}

/** `count` helpers set up for `problem` on `backend`; closes them all if any fails to start. */
export async function startHelperThreads(
  problem: ShardProblem,
  count: number,
  backend: HelperBackend,
): Promise<GradientHelpers> {
  const weightCount = flatWeightCount(
    buildNetwork(problem.kind, problem.config, problem.shape, problem.levels),
  );
  const levels = problem.sigmas.length;
  const weights = shared(weightCount);
  const data = shared(problem.data.length);
  data.set(problem.data);
  const threads = Array.from(
    { length: count },
    (_, k) => new HelperThread(k + 1, shared(weightCount + levels)),
  );
  const close = async () => {
    await Promise.all(threads.map((t) => t.close()));
  };
  try {
    await Promise.all(
      threads.map((t) =>
        t.ask({
          type: 'setup',
          index: t.index,
          backend,
          problem: { ...problem, data },
          weights,
          answer: t.answer,
        }),
      ),
    );
  } catch (error) {
    await close();
    throw error;
  }
  const answers: ShardAnswer[] = threads.map((t) => ({
    gradients: t.answer.subarray(0, weightCount),
    perLevel: t.answer.subarray(weightCount),
  }));
  return {
    count,
    async compute(values, draw, shards) {
      if (shards.length !== count) throw new Error(`${count} gradient helpers got ${shards.length} shards.`);
      weights.set(values);
      await Promise.all(threads.map((t, k) => t.ask({ type: 'shard', draw, shard: shards[k] })));
      return answers;
    },
    close,
  };
}

/**
 * The host's offer to train(): up to `threads` threads in all (this one included), fewer when
 * the batch is small (thread-count.ts); none when that leaves only this one.
 */
export function workerGradientHelpers(threads: number, backend: string): StartGradientHelpers {
  return async (problem) => {
    const used = threadsForBatch(threads, problem.batchSize);
    if (used < 2 || (backend !== 'wasm' && backend !== 'cpu')) return null;
    return startHelperThreads(problem, used - 1, backend);
  };
}
