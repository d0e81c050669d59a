/** Test support: whether `python3` with NumPy is on this machine (tests that load .npy files use it). */
import { execFileSync } from 'node:child_process';

export const hasNumpy = (() => {
  try {
    execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
