/**
 * Test support: Debian's python3-torch (`/usr/bin/python3`, installed by
 * scripts/install-system-deps.sh). Tests of exported projects skip with this message without it.
 */
import { execFileSync } from 'node:child_process';

export const PYTHON = process.env.SCOREGRAPH_PYTHON ?? '/usr/bin/python3';

export const torchMissing: string | null = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import torch, numpy'], { stdio: 'ignore' });
    return null;
  } catch {
    return `skipped: ${PYTHON} with torch and numpy is not installed (Debian: apt-get install python3-torch)`;
  }
})();
