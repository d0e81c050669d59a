/**
 * npm run bench [-- --quick] [--only=check,train,sample,memory,torch,export,first,browser,profile,wasm,threads]
 *                [--backends=wasm,cpu,webgpu] [--cases=mlp,conv] [--browser] [--reuse-build]
 * npm run bench -- --gpu-pack [--pack-dir=DIR]   (writes the GPU pack: bench/gpu/pack.ts)
 *
 * Measures, side by side in one run, what issue 6 asks: training and sampling throughput of
 * graphs against hand-written tfjs loops, memory flatness, PyTorch on the same machine, and
 * in Chromium the same ratios on WebGPU/WebGL/WASM, page smoothness, editor scale and time to
 * first samples. Prints a table and writes bench/results.json. See bench/README.md.
 *
 * Each task runs in a fresh Node process: tfjs and WASM state left by one measurement (heap,
 * XNNPACK operator caches, JIT) moved another's result by 20% when they shared a process.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { nodeWebGpuAdapter, releaseNodeBackends, useNodeBackend } from '../src/runtime/backend-node';
import { buildForBench, startBrowser } from './browser/chromium';
import { benchEditorScale, benchFirstSamplesBrowser, benchSmoothness } from './browser/editor';
import { benchBrowserTraining } from './browser/train';
import { benchSizes, type BenchSizes } from './cases';
import { Report } from './lib/report';
import { checkBaselines } from './node/checks';
import { benchExportedTorch } from './node/exported-torch';
import { benchFirstSamplesCli } from './node/first-samples';
import { benchRegistry } from './node/kinds';
import { benchMemory } from './node/memory';
import { benchConvGradient, benchProfile } from './node/profile';
import { benchSampling } from './node/sample';
import { benchTorch } from './node/torch';
import { benchThreads } from './node/threads';
import { benchTraining } from './node/train';
import { benchWasmKernels } from './node/wasm-kernels';

const SECTIONS = [
  'check',
  'train',
  'sample',
  'memory',
  'torch',
  'export',
  'first',
  'browser',
  'profile',
  'wasm',
  'threads',
] as const;
type Section = (typeof SECTIONS)[number];
type Options = ReturnType<typeof parseArgs>;

function parseArgs(argv: string[]) {
  const quick = argv.includes('--quick');
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const only = value('only');
  const sections = new Set<Section>(only ? (only.split(',') as Section[]) : SECTIONS);
  for (const s of sections)
    if (!SECTIONS.includes(s)) throw new Error(`Unknown section "${s}" (one of ${SECTIONS.join(', ')}).`);
  // The quick smoke stays in Node unless asked: Chromium and a build do not fit in 30 s.
  if (quick && !argv.includes('--browser') && !only) sections.delete('browser');
  // Nor the WebGPU profile (a minute on lavapipe): `--quick --only=profile` runs it at quick sizes.
  if (quick && !only) sections.delete('profile');
  return {
    quick,
    sections,
    /** Node backends of train/sample (wasm, cpu) and of the kernel profile (default: webgpu). */
    backends: (value('backends') ?? 'wasm,cpu').split(',').filter((b) => b === 'wasm' || b === 'cpu'),
    profileBackends: (value('backends') ?? 'webgpu').split(',') as ('wasm' | 'cpu' | 'webgpu')[],
    cases: value('cases')?.split(','),
    reuseBuild: argv.includes('--reuse-build') || quick,
    task: value('task'),
  };
}

interface Task {
  name: string;
  run(report: Report): Promise<void>;
}

/** Everything to measure, in order; the names are stable so a child can be told which one. */
function tasks(o: Options, sizes: BenchSizes): Task[] {
  const reg = benchRegistry();
  const list: Task[] = [];
  const add = (section: Section, name: string, run: Task['run']) => {
    if (o.sections.has(section)) list.push({ name: `${section}:${name}`, run });
  };
  add('check', 'baselines', async (report) => {
    if (reg.missing.length) report.note(`kinds missing, graph variants skipped: ${reg.missing.join(', ')}`);
    await useNodeBackend('wasm');
    checkBaselines(report, sizes);
  });
  for (const backend of o.backends) {
    for (const c of sizes.train[backend])
      add('train', `${backend}:${c.id}`, async (report) => {
        await useNodeBackend(backend);
        await benchTraining(report, `node/${backend}`, c, reg);
      });
    for (const s of sizes.sample[backend]) {
      const train =
        sizes.train[backend].find((c) => c.id === s.id) ?? sizes.train.wasm.find((c) => c.id === s.id);
      if (train)
        add('sample', `${backend}:${s.id}`, async (report) => {
          await useNodeBackend(backend);
          await benchSampling(report, `node/${backend}`, s, train, reg);
        });
    }
  }
  if (sizes.train.wasm.length)
    add('memory', 'wasm', async (report) => {
      await useNodeBackend('wasm');
      await benchMemory(report, 'node/wasm', sizes.train.wasm[0], sizes.memorySteps, reg);
    });
  for (const c of sizes.torch)
    add('torch', c.id, async (report) => {
      await useNodeBackend('wasm');
      await benchTorch(report, [c], reg);
    });
  add('export', 'mnist-ncsnv2', async (report) => {
    await useNodeBackend('wasm');
    // RefineNet at ngf 32 takes ~1 min of CPU per WASM step here: few steps, one pair per round.
    await benchExportedTorch(report, 'mnist-ncsnv2', o.quick ? 1 : 2, 1);
  });
  add('export', 'mnist-quick', async (report) => {
    await useNodeBackend('wasm');
    // The CPU preset's small net (~0.35 s of CPU per WASM step): enough steps for a steady rate.
    await benchExportedTorch(report, 'mnist-quick', o.quick ? 2 : 60, o.quick ? 1 : 2);
  });
  add('first', 'cli', (report) => benchFirstSamplesCli(report, 'wasm', o.quick));
  for (const backend of o.profileBackends)
    add('profile', backend, async (report) => {
      try {
        await useNodeBackend(backend);
      } catch (error) {
        return report.skip('profile', `node/${backend}`, (error as Error).message);
      }
      // A software adapter (lavapipe) takes minutes per full-size conv step: profile at quick sizes.
      const software = nodeWebGpuAdapter()?.software === true;
      const { cases, convGradient } =
        software && !o.quick ? benchSizes(true, o.cases).profile : sizes.profile;
      const where = `node/${backend}${software ? ' (software adapter, quick sizes)' : ''}`;
      if (backend === 'webgpu') report.note(`WebGPU adapter: ${JSON.stringify(nodeWebGpuAdapter())}`);
      for (const c of cases) await benchProfile(report, where, c, c.steps);
      await benchConvGradient(report, where, convGradient, convGradient[3]);
      await releaseNodeBackends();
    });
  add('wasm', 'kernels', async (report) => {
    await useNodeBackend('wasm');
    await benchWasmKernels(report, o.quick ? [16] : [16, 32], o.quick ? 3 : 20, o.quick ? 1 : 3);
  });
  add('threads', 'wasm', async (report) => {
    await useNodeBackend('wasm');
    await benchThreads(report, o.quick);
  });
  add('browser', 'chromium', (report) => benchBrowser(report, sizes, o));
  return list;
}

async function benchBrowser(report: Report, sizes: BenchSizes, o: Options) {
  const build = await buildForBench(o.reuseBuild);
  if (build.built) report.note(`production build for the browser bench took ${build.seconds.toFixed(0)} s`);
  const session = await startBrowser();
  if (typeof session === 'string') return report.skip('browser', 'chromium', session);
  try {
    for (const backend of ['wasm', 'webgl', 'webgpu'] as const)
      await benchBrowserTraining(report, session, backend, sizes.browser[backend]);
    for (const backend of ['webgpu', 'wasm'] as const)
      await benchSmoothness(report, session, backend, sizes.smoothSteps[backend]);
    if (!o.quick) await benchEditorScale(report, session);
    await benchFirstSamplesBrowser(report, session, o.quick);
  } finally {
    await session.close();
  }
}

/** Runs one task in a child process and collects its rows. */
function runChild(task: Task, report: Report): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const tsx = join(dirname(self), '..', 'node_modules', '.bin', 'tsx');
  // --no-liftoff: V8 compiles the WASM backend optimized up front, instead of tiering up on
  // background threads while the first measurements run (which showed as CPU time > wall time).
  const child = spawn(tsx, ['--no-liftoff', self, ...process.argv.slice(2), `--task=${task.name}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!report.collect(line) && line.trim()) console.log(line);
  });
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0)
        report.skip(task.name.split(':')[0], task.name, `the task's process exited with ${code}`);
      resolve();
    }),
  );
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--gpu-pack')) {
    const { writeGpuPack } = await import('./gpu/pack');
    await writeGpuPack(argv.find((a) => a.startsWith('--pack-dir='))?.slice('--pack-dir='.length));
    return;
  }
  const options = parseArgs(argv);
  const sizes = benchSizes(options.quick, options.cases);
  const list = tasks(options, sizes);
  const report = new Report();
  if (options.task) {
    report.wire = true;
    const task = list.find((t) => t.name === options.task);
    if (!task) throw new Error(`Unknown task ${options.task}`);
    await task.run(report);
    return;
  }
  const started = performance.now();
  console.log(
    `scoregraph bench (${options.quick ? 'quick' : 'full'}): ${list.map((t) => t.name).join(', ')}`,
  );
  for (const task of list) await runChild(task, report);
  report.print();
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results.json');
  report.write(out, {
    quick: options.quick,
    sections: [...options.sections],
    seconds: (performance.now() - started) / 1000,
  });
  console.log(
    `\n${report.rows.length} rows in ${((performance.now() - started) / 1000).toFixed(0)} s → ${out}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
