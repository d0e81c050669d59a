/** "Did you mean …?" for unknown names: the closest known name by edit distance. */

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The known name closest to `name`, or undefined when nothing is reasonably close. */
export function closest(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase().slice(0, 200);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known) {
    const score = editDistance(lower, k.toLowerCase());
    if (score < bestScore) [best, bestScore] = [k, score];
  }
  return best !== undefined && bestScore <= Math.max(3, Math.ceil(best.length / 2)) ? best : undefined;
}
