// `npm test`: every check in stages, and how long each took, printed at the end.
// Typecheck and lint are single-threaded, so they run side by side (the suite is sized for 2 cores).
// Stops at the first failing stage; `--only assets,static,unit,e2e` picks stages.
import { spawn } from 'node:child_process';

const STAGES = [
  { name: 'assets', key: 'assets', jobs: [['npm', 'run', '-s', 'prepare-assets']] },
  {
    name: 'typecheck + lint',
    key: 'static',
    jobs: [
      ['npm', 'run', '-s', 'typecheck'],
      ['npm', 'run', '-s', 'lint'],
    ],
  },
  { name: 'unit (Vitest)', key: 'unit', jobs: [['npm', 'run', '-s', 'test:unit']] },
  { name: 'e2e (build + Playwright)', key: 'e2e', jobs: [['npm', 'run', '-s', 'test:e2e']] },
];

const onlyFlag = process.argv.indexOf('--only');
const only = onlyFlag > 0 ? new Set(process.argv[onlyFlag + 1]?.split(',')) : null;
const chosen = STAGES.filter((s) => !only || only.has(s.key));

/** Runs one command with inherited output; resolves to its exit code. */
function run([command, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

const times = [];
const started = performance.now();
let failed = null;
for (const stage of chosen) {
  const t0 = performance.now();
  console.log(`\n▶ ${stage.name}`);
  const codes = await Promise.all(stage.jobs.map(run));
  times.push([stage.name, (performance.now() - t0) / 1000, codes.every((c) => c === 0)]);
  if (codes.some((c) => c !== 0)) {
    failed = stage.name;
    break;
  }
}

const total = (performance.now() - started) / 1000;
// Whole seconds first, so 299.6 s reads "5 min 0 s", not "4 min 60 s".
const format = (s) => {
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
};
console.log('\nTime per stage:');
for (const [name, seconds, ok] of times)
  console.log(`  ${ok ? '✓' : '✗'} ${name.padEnd(26)} ${format(seconds)}`);
console.log(`  ${'total'.padEnd(28)} ${format(total)}`);
if (failed) {
  console.log(`\nFailed at: ${failed}.`);
  process.exit(1);
}
