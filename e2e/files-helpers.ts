/** Helpers for the files e2e tests: drop files and paste text like a user, catch downloads, read autosave. */
import { expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export interface DropFile {
  name: string;
  /** Text, or bytes as a plain array (they travel into the page as JSON). */
  text?: string;
  bytes?: number[];
  type?: string;
}

/** Drops files on the canvas at a fraction of its size (or on a node's card), as a real drag would. */
export async function dropFiles(
  page: Page,
  files: DropFile[],
  on: { fx: number; fy: number } | { nodeId: string },
): Promise<void> {
  const target =
    'nodeId' in on
      ? page.locator(`[data-testid="node"][data-node-id="${on.nodeId}"]`)
      : page.locator('.canvas');
  const box = (await target.boundingBox())!;
  const [fx, fy] = 'nodeId' in on ? [0.5, 0.3] : [on.fx, on.fy];
  const x = box.x + box.width * fx;
  const y = box.y + box.height * fy;
  await target.evaluate(
    (el, { files, x, y }) => {
      const dt = new DataTransfer();
      for (const f of files)
        dt.items.add(
          new File([f.bytes ? new Uint8Array(f.bytes) : (f.text ?? '')], f.name, { type: f.type ?? '' }),
        );
      const init = {
        dataTransfer: dt,
        bubbles: true,
        composed: true,
        cancelable: true,
        clientX: x,
        clientY: y,
      };
      el.dispatchEvent(new DragEvent('dragover', init));
      el.dispatchEvent(new DragEvent('drop', init));
    },
    { files, x, y },
  );
}

/** Pastes text on the canvas (a ClipboardEvent with that text, as Ctrl+V delivers it). */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.locator('.canvas').evaluate((el, text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true }),
    );
  }, text);
}

/** Runs `action` and returns the file it downloads. */
export async function downloaded(
  page: Page,
  action: () => Promise<unknown>,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** Runs a File menu command through the toolbar, as a user clicks it. */
export async function fileMenu(page: Page, commandId: string): Promise<void> {
  await page.locator('[data-menu="File"]').click();
  await page.locator(`[role="menuitem"][data-command="${commandId}"]`).click();
}

/** The graph as Save writes it. */
export const savedText = (page: Page): Promise<string> => page.evaluate(() => window.__scoregraph!.graph());

/** Waits until this tab's autosave record holds `needle` (autosave is debounced). */
export async function autosaved(page: Page, needle: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<string>((resolve) => {
              const open = indexedDB.open('scoregraph-autosave');
              // Never create the database here: that would stop the app from making its store.
              open.onupgradeneeded = () => open.transaction?.abort();
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('sessions')) return resolve('');
                const all = db.transaction('sessions').objectStore('sessions').getAll();
                all.onsuccess = () => resolve(JSON.stringify(all.result));
                all.onerror = () => resolve('');
              };
              open.onerror = () => resolve('');
            }),
        ),
      { timeout: 10_000 },
    )
    .toContain(needle);
}

/** Runs the graph and waits until the run is done; a failed run fails the test with the nodes' messages. */
export async function runToEnd(page: Page): Promise<void> {
  // The worker reports its backend once ready; a run sent before that is refused.
  await expect(page.getByTestId('backend')).not.toHaveText('…', { timeout: 60_000 });
  await page.evaluate(() => window.__scoregraph!.command('run.start'));
  await expect
    .poll(
      async () => {
        const status = await page.evaluate(() => window.__scoregraph!.runStatus());
        if (status === 'error' || status === 'cancelled') {
          const messages = await page.getByTestId('node-error').allTextContents();
          throw new Error(`The run ended with "${status}": ${messages.join(' | ')}`);
        }
        return status;
      },
      { timeout: 120_000 },
    )
    .toBe('done');
}
