/**
 * The browser side of the bench: a production build (the editor plus bench.html, into a folder
 * of its own so it never races other builds of dist/), `vite preview` with the app's
 * cross-origin isolation headers, and Debian's Chromium driven by Playwright with the same
 * flags as the e2e tests (WebGPU/WebGL on SwiftShader).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

export const ROOT = join(import.meta.dirname, '..', '..');
export const OUT_DIR = join(ROOT, 'node_modules', '.cache', 'scoregraph-bench-dist');
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
);

export interface BrowserSession {
  browser: Browser;
  baseUrl: string;
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the app and the bench page (skipped when `reuse` and a build exists). */
export async function buildForBench(reuse: boolean): Promise<{ built: boolean; seconds: number }> {
  if (reuse && existsSync(join(OUT_DIR, 'bench', 'browser', 'bench.html')))
    return { built: false, seconds: 0 };
  const t0 = performance.now();
  if (!existsSync(join(ROOT, 'public', 'assets', 'generated', 'mnist.bin')))
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/build-mnist-asset.ts'], { cwd: ROOT });
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: {
        input: { main: join(ROOT, 'index.html'), bench: join(ROOT, 'bench', 'browser', 'bench.html') },
      },
    },
  });
  return { built: true, seconds: (performance.now() - t0) / 1000 };
}

export function buildAgeMinutes(): number | null {
  const file = join(OUT_DIR, 'bench', 'browser', 'bench.html');
  return existsSync(file) ? (Date.now() - statSync(file).mtimeMs) / 60000 : null;
}

export async function startBrowser(): Promise<BrowserSession | string> {
  if (!CHROMIUM) return 'no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)';
  const server: PreviewServer = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { port: 4390, strictPort: false },
  });
  const baseUrl = server.resolvedUrls?.local[0] ?? 'http://localhost:4390/';
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--enable-unsafe-webgpu',
      '--enable-features=Vulkan',
      '--use-angle=swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--no-sandbox',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  return {
    browser,
    baseUrl,
    open: async (path) => {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
      await page.goto(new URL(path, baseUrl).href);
      return page;
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
