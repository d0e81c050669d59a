/**
 * The Fréchet distance between two Gaussians fitted to feature sets (the FID's formula):
 *   d² = ‖μ_a − μ_b‖² + tr(C_a) + tr(C_b) − 2 tr((C_a^½ C_b C_a^½)^½),
 * with symmetric eigen-decompositions (cyclic Jacobi) in plain JS — the feature spaces here are
 * small (64 dimensions), so no tfjs and no backend differences.
 */

/** Mean [dim] and unbiased covariance [dim * dim] of `count` rows of `dim` features. */
export function meanAndCovariance(
  rows: Float32Array | Float64Array,
  dim: number,
): { mean: Float64Array; cov: Float64Array } {
  const count = rows.length / dim;
  if (!Number.isInteger(count) || count < 2)
    throw new Error(
      `A covariance needs at least 2 whole rows of ${dim} features (got ${rows.length} values).`,
    );
  const mean = new Float64Array(dim);
  for (let i = 0; i < count; i++) for (let d = 0; d < dim; d++) mean[d] += rows[i * dim + d] / count;
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < dim; d++) centred[d] = rows[i * dim + d] - mean[d];
    for (let a = 0; a < dim; a++) for (let b = a; b < dim; b++) cov[a * dim + b] += centred[a] * centred[b];
  }
  for (let a = 0; a < dim; a++)
    for (let b = a; b < dim; b++) {
      cov[a * dim + b] /= count - 1;
      cov[b * dim + a] = cov[a * dim + b];
    }
  return { mean, cov };
}

/** Eigenvalues and eigenvectors (columns of `vectors`) of a symmetric n×n matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(
  matrix: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let scale = 0;
    for (let p = 0; p < n; p++)
      for (let q = 0; q < n; q++) {
        const x = a[p * n + q] * a[p * n + q];
        if (p === q) scale += x;
        else off += x;
      }
    if (off <= 1e-24 * Math.max(scale, 1e-300)) break;
    for (let p = 0; p < n - 1; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: Float64Array.from({ length: n }, (_, i) => a[i * n + i]), vectors: v };
}

/** The PSD square root V diag(√max(λ, 0)) Vᵀ of a symmetric matrix. */
function psdSqrt(matrix: Float64Array, n: number): Float64Array {
  const { values, vectors } = symmetricEigen(matrix, n);
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const root = Math.sqrt(Math.max(values[k], 0));
    if (root === 0) continue;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) out[i * n + j] += root * vectors[i * n + k] * vectors[j * n + k];
  }
  return out;
}

function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      if (aik !== 0) for (let j = 0; j < n; j++) out[i * n + j] += aik * b[k * n + j];
    }
  return out;
}

/** d² between the Gaussians N(μ_a, C_a) and N(μ_b, C_b) in `dim` dimensions. */
export function frechetDistance(
  a: { mean: Float64Array; cov: Float64Array },
  b: { mean: Float64Array; cov: Float64Array },
  dim: number,
): number {
  let meanTerm = 0;
  let traces = 0;
  for (let d = 0; d < dim; d++) {
    meanTerm += (a.mean[d] - b.mean[d]) ** 2;
    traces += a.cov[d * dim + d] + b.cov[d * dim + d];
  }
  const rootA = psdSqrt(a.cov, dim);
  const middle = multiply(multiply(rootA, b.cov, dim), rootA, dim);
  for (let i = 0; i < dim; i++)
    for (let j = i + 1; j < dim; j++)
      middle[i * dim + j] = middle[j * dim + i] = (middle[i * dim + j] + middle[j * dim + i]) / 2;
  const { values } = symmetricEigen(middle, dim);
  let crossTrace = 0;
  for (const value of values) crossTrace += Math.sqrt(Math.max(value, 0));
  return Math.max(0, meanTerm + traces - 2 * crossTrace);
}

/** d² between Gaussians fitted to two feature sets (rows of `dim`). */
export function frechetBetween(
  a: Float32Array | Float64Array,
  b: Float32Array | Float64Array,
  dim: number,
): number {
  return frechetDistance(meanAndCovariance(a, dim), meanAndCovariance(b, dim), dim);
}
