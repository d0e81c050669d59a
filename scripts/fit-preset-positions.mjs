// Maintenance: opens every preset in the built editor (vite preview on :4173 must be running),
// lets the editor move overlapping cards apart, and writes those positions back into graphs/*.json,
// so a preset opens exactly as shipped. Usage: npm run build && npx vite preview --port 4173 & node scripts/fit-preset-positions.mjs
import { chromium } from '@playwright/test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto('http://localhost:4173/?backend=cpu');
await page.waitForFunction(() => window.__scoregraph?.ready);
for (const file of readdirSync('graphs').filter((f) => f.endsWith('.json'))) {
  const path = `graphs/${file}`;
  let text = readFileSync(path, 'utf8');
  const placed = await page.evaluate(async (t) => {
    await window.__scoregraph.load(t);
    await window.__scoregraph.settled();
    return JSON.parse(window.__scoregraph.graph()).nodes.map((n) => [n.id, n.position]);
  }, text);
  let changed = 0;
  for (const [id, [x, y]] of placed) {
    const re = new RegExp(`("id": "${id}"[^\\n]*?"position": )\\[[^\\]]*\\]`);
    const next = text.replace(re, `$1[${Math.round(x)}, ${Math.round(y)}]`);
    if (next !== text) changed++;
    text = next;
  }
  writeFileSync(path, text);
  console.log(`${file}: ${changed} positions updated`);
}
await browser.close();
