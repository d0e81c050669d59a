/**
 * Before any ratio: the hand-written baselines must be the library's networks (same weights,
 * same outputs), or the ratios compare different models.
 */
import type { BenchSizes } from '../cases';
import { describeNet } from '../baseline/nets';
import type { Report } from '../lib/report';
import { compareWithLibrary } from './same-network';

export function checkBaselines(report: Report, sizes: BenchSizes): void {
  const nets = new Map(
    [...sizes.train.wasm, ...sizes.train.cpu, ...sizes.torch, ...Object.values(sizes.browser).flat()].map(
      (c) => [describeNet(c.net), c.net],
    ),
  );
  for (const [label, net] of nets) {
    const same = compareWithLibrary(net);
    const ok = same.mismatches.length === 0 && same.relativeError < 1e-4;
    report.add({
      section: 'check',
      name: `${label}: baseline = library`,
      where: 'node/wasm',
      value: same.mismatches.length ? 'weights differ' : same.relativeError,
      unit: same.mismatches.length ? '' : 'rel. error',
      goal: '< 1e-4',
      pass: ok,
      detail: same.mismatches.slice(0, 3).join('; ') || 'same weight names/shapes, same scores',
    });
  }
}
