/**
 * npm run bench [-- --quick] [--only=check,train,sample,memory,torch,first,browser]
 *                [--backends=wasm,cpu] [--cases=mlp,conv] [--browser] [--reuse-build]
 *
 * Measures, side by side in one run, what issue 6 asks: training and sampling throughput of
 * graphs against hand-written tfjs loops, memory flatness, PyTorch on the same machine, and
 * in Chromium the same ratios on WebGPU/WebGL/WASM, page smoothness, editor scale and time to
 * first samples. Prints a table and writes bench/results.json. See bench/README.md.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useNodeBackend } from '../src/runtime/backend-node';
import { buildForBench, startBrowser } from './browser/chromium';
import { benchEditorScale, benchFirstSamplesBrowser, benchSmoothness } from './browser/editor';
import { benchBrowserTraining } from './browser/train';
import { benchSizes } from './cases';
import { Report } from './lib/report';
import { checkBaselines } from './node/checks';
import { benchFirstSamplesCli } from './node/first-samples';
import { benchRegistry } from './node/kinds';
import { benchMemory } from './node/memory';
import { benchSampling } from './node/sample';
import { benchTorch } from './node/torch';
import { benchTraining } from './node/train';

const SECTIONS = ['check', 'train', 'sample', 'memory', 'torch', 'first', 'browser'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: string[]) {
  const quick = argv.includes('--quick');
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const only = value('only');
  const sections = new Set<Section>(only ? (only.split(',') as Section[]) : SECTIONS);
  for (const s of sections)
    if (!SECTIONS.includes(s)) throw new Error(`Unknown section "${s}" (one of ${SECTIONS.join(', ')}).`);
  // The quick smoke stays in Node unless asked: a production build alone takes longer than 30 s.
  if (quick && !argv.includes('--browser') && !only) sections.delete('browser');
  const backends = (value('backends') ?? 'wasm,cpu').split(',') as ('wasm' | 'cpu')[];
  return {
    quick,
    sections,
    backends,
    cases: value('cases')?.split(','),
    reuseBuild: argv.includes('--reuse-build'),
  };
}

async function main() {
  const { quick, sections, backends, cases, reuseBuild } = parseArgs(process.argv.slice(2));
  const sizes = benchSizes(quick, cases);
  const report = new Report();
  const reg = benchRegistry();
  const started = performance.now();
  console.log(`scoregraph bench (${quick ? 'quick' : 'full'}): ${[...sections].join(', ')}`);
  if (reg.missing.length) report.note(`kinds missing, graph variants skipped: ${reg.missing.join(', ')}`);

  if (sections.has('check')) {
    await useNodeBackend('wasm');
    checkBaselines(report, sizes);
  }
  for (const backend of backends) {
    await useNodeBackend(backend);
    if (sections.has('train'))
      for (const c of sizes.train[backend]) await benchTraining(report, `node/${backend}`, c, reg);
    if (sections.has('sample'))
      for (const s of sizes.sample[backend]) {
        const train =
          sizes.train[backend].find((c) => c.id === s.id) ?? sizes.train.wasm.find((c) => c.id === s.id);
        if (train) await benchSampling(report, `node/${backend}`, s, train, reg);
      }
  }
  if (sections.has('memory') && sizes.train.wasm.length) {
    await useNodeBackend('wasm');
    await benchMemory(report, 'node/wasm', sizes.train.wasm[0], sizes.memorySteps, reg);
  }
  if (sections.has('torch')) {
    await useNodeBackend('wasm');
    await benchTorch(report, sizes.torch, reg);
  }
  if (sections.has('first')) await benchFirstSamplesCli(report, 'wasm', quick);
  if (sections.has('browser')) await benchBrowser(report, sizes, quick, reuseBuild || quick);

  report.print();
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results.json');
  report.write(out, { quick, sections: [...sections], seconds: (performance.now() - started) / 1000 });
  console.log(
    `\n${report.rows.length} rows in ${((performance.now() - started) / 1000).toFixed(0)} s → ${out}`,
  );
}

async function benchBrowser(
  report: Report,
  sizes: ReturnType<typeof benchSizes>,
  quick: boolean,
  reuse: boolean,
) {
  const build = await buildForBench(reuse);
  if (build.built) report.note(`production build for the browser bench took ${build.seconds.toFixed(0)} s`);
  const session = await startBrowser();
  if (typeof session === 'string') return report.skip('browser', 'chromium', session);
  try {
    for (const backend of ['wasm', 'webgl', 'webgpu'] as const)
      if (sizes.browser[backend].length)
        await benchBrowserTraining(report, session, backend, sizes.browser[backend]);
    for (const backend of ['webgpu', 'wasm'] as const)
      await benchSmoothness(report, session, backend, sizes.smoothSteps[backend]);
    if (!quick) await benchEditorScale(report, session);
    await benchFirstSamplesBrowser(report, session, quick);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
