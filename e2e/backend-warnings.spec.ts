/**
 * A forced backend that is slow here or cannot start is said once, in words, in the UI, with no
 * stack on the console (issue 12 item 5). This machine's WebGPU is SwiftShader (a software
 * adapter); a browser started without WebGPU shows the failure path.
 */
import { chromium, expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { openEditor } from './editor-helpers';

/** Console lines that look like an error stack or a raw TypeError. */
function watchConsole(page: Page): string[] {
  const bad: string[] = [];
  page.on('console', (m) => {
    if (/TypeError|\n\s+at /.test(m.text())) bad.push(m.text());
  });
  return bad;
}

test('forcing WebGPU on a software adapter warns once, in words', async ({ page }) => {
  const bad = watchConsole(page);
  await openEditor(page, 'backend=webgpu');
  await expect(page.getByTestId('backend')).toContainText('webgpu');
  const toast = page.getByTestId('toast').filter({ hasText: 'software adapter' });
  await expect(toast).toHaveCount(1);
  await expect(toast).toContainText('slower than WASM');
  await expect(page.getByTestId('backend-warning')).toBeVisible();
  expect(bad).toEqual([]);
});

test('forcing WebGPU where it cannot start says so, and what runs instead', async ({ baseURL }) => {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => !!p && existsSync(p),
  );
  // A browser of its own, started without WebGPU.
  const browser = await chromium.launch({
    executablePath,
    args: ['--disable-features=WebGPU,Vulkan', '--use-angle=swiftshader', '--no-sandbox', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ baseURL, viewport: { width: 1400, height: 900 } });
    const bad = watchConsole(page);
    await openEditor(page, 'backend=webgpu');
    await expect(page.getByTestId('backend')).not.toContainText('webgpu');
    const toast = page.getByTestId('toast').filter({ hasText: 'WebGPU could not start here' });
    await expect(toast).toHaveCount(1);
    await expect(toast).toContainText(/uses (WASM|WEBGL|CPU) instead/);
    expect(bad).toEqual([]);
  } finally {
    await browser.close();
  }
});
