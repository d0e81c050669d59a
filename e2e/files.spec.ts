/**
 * Files, presets, sharing and never losing work, in a real Chromium: presets from the
 * menu, save → open, drops, pastes, PNGs with the graph inside, share links, reload mid-edit,
 * hostile files, and a model trained by the CLI sampled in the browser.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseGraph, serializeGraph } from '../src/graph';
import { graphHash } from '../src/runtime/graph-hash';
import { registry } from '../src/nodes/registry';
import { card, doc, graphOf, load, openEditor, settled } from './editor-helpers';
import { autosaved, downloaded, dropFiles, fileMenu, pasteText, runToEnd, savedText } from './files-helpers';

const presetFiles = readdirSync('graphs').filter((f) => f.endsWith('.json'));

/**
 * The file as the editor would save it, without positions: the editor nudges cards that a file
 * placed on top of each other, so positions may move on opening.
 */
const canonical = (text: string) => {
  const parsed = parseGraph(text, registry);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return serializeGraph({
    ...parsed.graph,
    nodes: parsed.graph.nodes.map((n) => ({ ...n, position: undefined })),
  });
};
const openedDoc = async (page: Page) =>
  canonical(await page.evaluate(() => window.__scoregraph!.documentJson()));

/** A small graph that runs in seconds: exact mixture score → plain Langevin → points. */
const quick = graphOf(
  [
    { id: 'mix', type: 'data.mixture', position: [0, 0] },
    {
      id: 'sched',
      type: 'noise.geometric',
      params: { sigmaMax: 1, sigmaMin: 0.1, levels: 3 },
      position: [0, 260],
    },
    { id: 'score', type: 'score.exact', position: [320, 0] },
    { id: 'sample', type: 'sample.langevin', params: { count: 50, steps: 5 }, position: [640, 0] },
    { id: 'view', type: 'view.points', position: [960, 0] },
  ],
  [
    ['mix.dataset', 'score.dataset'],
    ['score.model', 'sample.model'],
    ['sched.schedule', 'sample.schedule'],
    ['sample.samples', 'view.samples'],
  ],
  'Quick mixture',
);

async function dialog(page: Page, kind: string) {
  const d = page.getByTestId('file-dialog');
  await expect(d).toHaveAttribute('data-kind', kind);
  return d;
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => {
    throw new Error(`Unexpected browser dialog: ${d.message()}`);
  });
  await openEditor(page, 'backend=wasm');
});

test('the default preset opens on first start, and every preset opens from the menu', async ({ page }) => {
  expect(await openedDoc(page)).toBe(canonical(readFileSync('graphs/toy-swissroll.json', 'utf8')));
  await expect(page).toHaveTitle(/^Swiss roll.* — scoregraph$/);
  for (const file of presetFiles) {
    const id = file.replace(/\.json$/, '');
    await fileMenu(page, 'file.presets');
    const list = await dialog(page, 'presets');
    const row = list.locator(`[data-preset="${id}"]`);
    const name = JSON.parse(readFileSync(`graphs/${file}`, 'utf8')).name as string;
    await expect(row).toContainText(name);
    await row.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByTestId('file-dialog')).toHaveCount(0);
    await settled(page);
    expect(await openedDoc(page)).toBe(canonical(readFileSync(`graphs/${file}`, 'utf8')));
    await expect(page).toHaveTitle(`${name} — scoregraph`);
  }
});

test('save → open round-trips to the identical JSON', async ({ page }) => {
  await load(page, quick);
  await page.evaluate(() => window.__scoregraph!.command('view.fit'));
  const before = await savedText(page);
  const saved = await downloaded(page, () => page.keyboard.press('Control+s'));
  expect(saved.name).toBe('Quick mixture.scoregraph.json');
  expect(saved.bytes.toString('utf8')).toBe(before);
  await expect(page).not.toHaveTitle(/●/);

  await load(page, graphOf([{ id: 'other', type: 'data.toy2d' }], [], 'Other'));
  const chooser = page.waitForEvent('filechooser');
  // Listening turns on Chromium's file-chooser interception without waiting for it; one round
  // trip to the page orders it before the key press (else, rarely, the chooser opens unseen).
  await page.evaluate(() => 0);
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name: saved.name, mimeType: 'application/json', buffer: saved.bytes });
  await expect.poll(() => savedText(page)).toBe(before);
});

test('a dropped JSON opens; over unsaved changes it asks first, and Cancel keeps them', async ({ page }) => {
  await load(page, quick);
  await page.evaluate(() => window.__scoregraph!.select(['sample']));
  await page.keyboard.press('Delete');
  await expect(page).toHaveTitle(/^● Quick mixture/);
  const edited = await savedText(page);
  const incoming = serializeGraph(
    parseOk(JSON.stringify(graphOf([{ id: 'roll', type: 'data.toy2d' }], [], 'Dropped'))),
  );

  await dropFiles(page, [{ name: 'dropped.json', text: incoming }], { fx: 0.5, fy: 0.5 });
  await (await dialog(page, 'replace')).getByTestId('replace-cancel').click();
  expect(await savedText(page)).toBe(edited);

  await dropFiles(page, [{ name: 'dropped.json', text: incoming }], { fx: 0.5, fy: 0.5 });
  await (await dialog(page, 'replace')).getByTestId('replace-discard').click();
  await expect.poll(async () => (await doc(page)).nodes.map((n) => n.id)).toEqual(['roll']);
  await expect(page).toHaveTitle('Dropped — scoregraph');

  // Pasted graph JSON opens too (nothing unsaved now, so no question).
  await pasteText(page, serializeGraph(parseOk(JSON.stringify(quick))));
  await expect.poll(async () => (await doc(page)).nodes.length).toBe(5);
});

test('an exported PNG has the graph inside: dropping it brings the graph back', async ({ page }) => {
  await load(page, quick);
  await runToEnd(page);
  const original = await savedText(page);
  // The viewer's own button (shown on hover) exports its image.
  const viewer = card(page, 'view').getByTestId('viewer');
  await viewer.hover();
  const png = await downloaded(page, () => viewer.getByTestId('export-png').click());
  expect(png.name).toBe('Quick mixture-view.png');
  expect([...png.bytes.subarray(0, 4)]).toEqual([137, 80, 78, 71]);

  await load(page, graphOf([{ id: 'other', type: 'data.toy2d' }], [], 'Other'));
  await dropFiles(page, [{ name: png.name, bytes: [...png.bytes], type: 'image/png' }], { fx: 0.4, fy: 0.4 });
  await expect.poll(() => savedText(page)).toBe(original);
});

test('copy link → open in a new page → the same graph', async ({ page, context }) => {
  await load(page, quick);
  await fileMenu(page, 'file.share');
  const url = await (await dialog(page, 'share')).getByTestId('share-url').inputValue();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/#graph=[A-Za-z0-9_-]+$/); // no forced backend in links
  expect(url.length).toBeLessThan(8000);
  const original = await savedText(page);

  const other = await context.newPage();
  await other.goto(url.replace('/#', '/?backend=wasm#'));
  await other.waitForFunction(() => window.__scoregraph?.ready === true);
  expect(await savedText(other)).toBe(original);
  // The link is consumed: a reload shows the (autosaved) work, not the link again.
  expect(new URL(other.url()).hash).toBe('');
});

test('reload mid-edit: graph, view and unsaved marker come back', async ({ page }) => {
  await load(page, quick);
  await page.evaluate(() => window.__scoregraph!.select(['sched']));
  await page.keyboard.press('Delete');
  await page.evaluate(() => window.__scoregraph!.command('view.zoomOut'));
  const edited = await savedText(page);
  await autosaved(page, JSON.stringify(edited).slice(1, -1));
  await page.reload();
  await page.waitForFunction(() => window.__scoregraph?.ready === true);
  expect(await savedText(page)).toBe(edited);
  await expect(page).toHaveTitle(/^● Quick mixture/);
});

test('hostile files leave the open graph unchanged, list their problems and run nothing', async ({
  page,
}) => {
  await load(page, quick);
  const before = await savedText(page);
  const hostile: { name: string; text: string; expect: RegExp }[] = [
    {
      name: 'cycle.json',
      text: readFileSync('src/graph/corpus/files/cycle.json', 'utf8'),
      expect: /unknown type "data.toy"/,
    },
    {
      name: 'proto.json',
      text: readFileSync('src/graph/corpus/files/proto-in-params.json', 'utf8'),
      expect: /reserved name "__proto__"/,
    },
    {
      name: 'script.json',
      text: readFileSync('src/graph/corpus/files/script-in-kind.json', 'utf8'),
      expect: /unknown type "<script>alert\(document.cookie\)<\/script>"/,
    },
    { name: 'big.json', text: `{"name": "${'x'.repeat(9_000_000)}"}`, expect: /too large \(9\.0 MB/ },
    { name: 'broken.json', text: '{"format": "scoregraph", "nodes": [', expect: /not valid JSON/ },
    { name: 'image.png', text: 'not really a png', expect: /not valid JSON|not a text/ },
  ];
  for (const file of hostile) {
    await dropFiles(page, [{ name: file.name, text: file.text }], { fx: 0.5, fy: 0.5 });
    const d = await dialog(page, 'problems');
    await expect(d.getByTestId('problem').first()).toBeVisible();
    await expect(d).toContainText(file.expect);
    await expect(d.locator('script, img')).toHaveCount(0);
    await d.getByRole('button', { name: 'OK' }).click();
    expect(await savedText(page)).toBe(before);
  }
  // The problems point at the node and the field.
  const badParam = JSON.parse(serializeGraph(parseOk(JSON.stringify(quick))));
  badParam.nodes[3].params.count = -4;
  await dropFiles(page, [{ name: 'bad.json', text: JSON.stringify(badParam) }], { fx: 0.5, fy: 0.5 });
  const d = await dialog(page, 'problems');
  await expect(d.getByTestId('problem-node')).toHaveText('node sample');
  await expect(d.getByTestId('problem-param')).toHaveText('param count');
  await d.getByRole('button', { name: 'OK' }).click();

  // Markup in names is shown as text, never run.
  const marked = graphOf([{ id: 'a', type: 'data.toy2d' }], [], '<img src=x onerror="window.__pwned=1">');
  (marked as { nodes: { label?: string }[] }).nodes[0].label = '<script>window.__pwned=2</script>';
  await load(page, marked);
  await expect(card(page, 'a').getByTestId('title')).toHaveText('<script>window.__pwned=2</script>');
  await expect(page).toHaveTitle('<img src=x onerror="window.__pwned=1"> — scoregraph');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test.describe('a model trained by the CLI', () => {
  let dir = '';
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sg-e2e-ckpt-'));
    const graph = graphOf(
      [
        { id: 'data', type: 'data.toy2d', params: { count: 200 } },
        { id: 'sched', type: 'noise.geometric', params: { sigmaMax: 1, sigmaMin: 0.1, levels: 3 } },
        { id: 'net', type: 'model.mlp', params: { width: 16, depth: 1 } },
        { id: 'loss', type: 'loss.dsm' },
        { id: 'adam', type: 'optim.adam' },
        { id: 'fit', type: 'train.fit', params: { steps: 30, batchSize: 32, logEvery: 10 } },
      ],
      [
        ['data.dataset', 'fit.dataset'],
        ['sched.schedule', 'fit.schedule'],
        ['net.model', 'fit.model'],
        ['loss.loss', 'fit.loss'],
        ['adam.optimizer', 'fit.optimizer'],
      ],
      'CLI toy',
    );
    writeFileSync(join(dir, 'toy.json'), JSON.stringify(graph));
    execFileSync(
      'npx',
      [
        'tsx',
        'src/cli/main.ts',
        'run',
        join(dir, 'toy.json'),
        '--out',
        join(dir, 'out'),
        '--backend',
        'cpu',
        '--save-checkpoints',
      ],
      {
        stdio: 'pipe',
        timeout: 120_000,
      },
    );
  });

  test('loads in the browser (dropped on a model.load node) and samples', async ({ page }) => {
    await load(
      page,
      graphOf(
        [
          { id: 'load', type: 'model.load', position: [0, 0] },
          {
            id: 'sched',
            type: 'noise.geometric',
            params: { sigmaMax: 1, sigmaMin: 0.1, levels: 3 },
            position: [0, 320],
          },
          { id: 'sample', type: 'sample.langevin', params: { count: 40, steps: 5 }, position: [360, 0] },
          { id: 'view', type: 'view.points', position: [720, 0] },
        ],
        [
          ['load.model', 'sample.model'],
          ['sched.schedule', 'sample.schedule'],
          ['sample.samples', 'view.samples'],
        ],
        'Sample the CLI model',
      ),
    );
    const files = ['fit.ckpt.json', 'fit.ckpt.bin'].map((name) => ({
      name,
      bytes: [...readFileSync(join(dir, 'out', name))],
    }));
    await dropFiles(page, files, { nodeId: 'load' });
    await expect
      .poll(async () => (await doc(page)).nodes.find((n) => n.id === 'load')?.params)
      .toMatchObject({ checkpoint: expect.stringMatching(/^fit@[0-9a-f]{12}$/), shape: '2', levels: 0 });
    await runToEnd(page);
    await expect(card(page, 'view').getByTestId('viewer')).toHaveAttribute('data-kind', 'points');
    expect(await page.evaluate(() => window.__scoregraph!.nodeStatus('load'))).toBe('done');

    // Saved again from the browser: a .ckpt.zip download, and a copy in the browser's store.
    await page.evaluate(() => window.__scoregraph!.select(['load']));
    const zip = await downloaded(page, () => fileMenu(page, 'file.saveModel'));
    expect(zip.name).toBe('sample-the-cli-model-load.ckpt.zip');
    expect([...zip.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // "PK"
    // Its header says how it was made, as the CLI's do: the graph that ran, its seed and backend.
    const inside = unzipSync(new Uint8Array(zip.bytes));
    const header = JSON.parse(strFromU8(inside['sample-the-cli-model-load.ckpt.json']));
    const ran = parseOk(await page.evaluate(() => window.__scoregraph!.documentJson()));
    expect(header.provenance).toEqual({
      graphHash: graphHash(ran),
      seed: expect.any(Number),
      backend: expect.stringMatching(/^(webgpu|webgl|wasm|cpu)$/),
      scoregraph: expect.any(String),
      tfjs: expect.any(String),
    });
    await page.evaluate(() => window.__scoregraph!.select([]));
    await fileMenu(page, 'file.loadModel');
    const stored = (await dialog(page, 'checkpoints')).getByTestId('checkpoint');
    await expect(stored).toHaveCount(2); // the dropped files and the saved zip
    // Each says how it was made: the CLI's run, and the browser's run of this graph.
    await expect(
      stored.filter({ hasText: 'sample-the-cli-model-load' }).getByTestId('checkpoint-provenance'),
    ).toContainText(`made by graph ${graphHash(ran)}, seed`);
    await expect(stored.getByTestId('checkpoint-provenance')).toHaveCount(2);
    await stored
      .filter({ hasText: 'sample-the-cli-model-load' })
      .getByRole('button', { name: 'Use' })
      .click();
    await expect
      .poll(async () => (await doc(page)).nodes.filter((n) => n.type === 'model.load').length)
      .toBe(2);
  });
});

function parseOk(text: string) {
  const parsed = parseGraph(text, registry);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.graph;
}
