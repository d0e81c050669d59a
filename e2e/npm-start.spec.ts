/**
 * `npm start` as a new user runs it (issue 12 item 6): it serves the editor without trying to
 * open a browser, and stopping npm by its process id stops the server too.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';

test('npm start serves the editor, opens nothing, and stops with npm', async () => {
  test.setTimeout(120_000);
  const child = spawn('npm', ['start', '--', '--port', '5391'], {
    env: { ...process.env, BROWSER: undefined, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so the test can clean up whatever outlives npm
  });
  let output = '';
  // eslint-disable-next-line no-control-regex -- strips the terminal colour codes vite may print
  const plain = (b: Buffer) => b.toString().replace(/\x1b\[[0-9;]*m/g, '');
  child.stdout.on('data', (b: Buffer) => (output += plain(b)));
  child.stderr.on('data', (b: Buffer) => (output += plain(b)));
  try {
    await expect.poll(() => output, { timeout: 90_000 }).toMatch(/Local:\s+http:\/\/localhost:(\d+)/);
    const url = output.match(/Local:\s+(http:\/\/localhost:\d+\/)/)![1];
    const page = await fetch(url);
    expect(page.ok).toBe(true);
    expect(await page.text()).toContain('sg-app');
    expect(output).not.toMatch(/xdg-open|ENOENT|\/false/);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM'); // npm's own process id, as a user's script or Ctrl+C in a wrapper would
    await exited;
    await expect
      .poll(
        () =>
          fetch(url).then(
            () => 'serving',
            () => 'stopped',
          ),
        { timeout: 10_000 },
      )
      .toBe('stopped');
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is gone: nothing outlived npm
    }
  }
});
