/**
 * test-support/selftest.html (e2e only): starts the runtime worker on the backend named in `?backend=` and runs the
 * gradient check; the result lands on `window.__selftest` (read by the e2e test) and on the page.
 */
import { RuntimeClient } from '../src/runtime/client';
import type { BackendName } from '../src/runtime/protocol';

const forced = (new URLSearchParams(location.search).get('backend') ?? undefined) as BackendName | undefined;
const client = RuntimeClient.start({ backend: forced });
const out = document.getElementById('out')!;
const target = window as unknown as { __selftest?: unknown };
client.ready
  .then(async (ready) => {
    out.textContent = `backend: ${ready.backend} (${ready.reason}) — running the gradient check…`;
    const result = await client.gradientCheck();
    target.__selftest = { ready, result };
    out.textContent = `backend: ${result.backend}, loss ${result.loss}`;
  })
  .catch((error: Error) => {
    target.__selftest = { error: error.message };
    out.textContent = `failed: ${error.message}`;
  });
