/**
 * 2-D toy data sets, seeded and in plain JS. Every shape is drawn inside the unit square
 * [0, 1]^2 (centred on (0.5, 0.5), within [0.1, 0.9] before noise) — the same units as image
 * pixels, so the default schedule (sigma 1 -> 0.01) and the samplers' uniform U[0, 1] start fit.
 * `noise` is the std of isotropic Gaussian jitter added to each point, in the same units.
 */
import { normalRng, uniformRng } from '../random';

export const TOY_SHAPES = ['swissroll', '8gaussians', 'moons', 'checkerboard', 'rings'] as const;
export type ToyShape = (typeof TOY_SHAPES)[number];

/** Half-width of the drawn region around the centre: shapes fill [0.1, 0.9]^2 before noise. */
const EXTENT = 0.4;

/** One clean point of a shape in [-1, 1]^2, from uniform draws. */
const shapes: Record<ToyShape, (uniform: () => number) => [number, number]> = {
  // Archimedean spiral r ∝ t over t in [1.5 pi, 4.5 pi], as in the usual swiss-roll toy.
  swissroll: (uniform) => {
    const t = 1.5 * Math.PI * (1 + 2 * uniform());
    const r = t / (4.5 * Math.PI);
    return [r * Math.cos(t), r * Math.sin(t)];
  },
  // Eight modes on a circle of radius 1; the spread comes from `noise`.
  '8gaussians': (uniform) => {
    const angle = (Math.floor(uniform() * 8) * Math.PI) / 4;
    return [Math.cos(angle), Math.sin(angle)];
  },
  // Two interleaved half circles (sklearn's make_moons), scaled into [-1, 1] x [-0.5, 0.5].
  moons: (uniform) => {
    const theta = Math.PI * uniform();
    const [x, y] =
      uniform() < 0.5 ? [Math.cos(theta), Math.sin(theta)] : [1 - Math.cos(theta), 0.5 - Math.sin(theta)];
    return [(x - 0.5) / 1.5, (y - 0.25) / 1.5];
  },
  // The 8 dark squares of a 4 x 4 board, uniform inside each.
  checkerboard: (uniform) => {
    const cell = Math.floor(uniform() * 8);
    const row = Math.floor(cell / 2);
    const col = 2 * (cell % 2) + (row % 2);
    return [-1 + (col + uniform()) / 2, -1 + (row + uniform()) / 2];
  },
  // Four concentric circles of radius 0.25, 0.5, 0.75, 1, points spread evenly by length.
  rings: (uniform) => {
    const u = uniform() * 10; // circumference ∝ radius: weights 1 : 2 : 3 : 4
    const ring = u < 1 ? 1 : u < 3 ? 2 : u < 6 ? 3 : 4;
    const angle = 2 * Math.PI * uniform();
    return [(ring / 4) * Math.cos(angle), (ring / 4) * Math.sin(angle)];
  },
};

/** `count` points of `shape` as interleaved x, y in the unit square (plus `noise` jitter). */
export function toyPoints(shape: ToyShape, count: number, noise: number, seed: number): Float32Array {
  const draw = shapes[shape];
  if (!draw) throw new Error(`Unknown 2-D toy shape "${shape}" (choose one of ${TOY_SHAPES.join(', ')}).`);
  if (!(noise >= 0)) throw new Error(`noise must be ≥ 0 (got ${noise}).`);
  const uniform = uniformRng(seed);
  const normal = normalRng(seed + 0x51ed27);
  const out = new Float32Array(2 * count);
  for (let i = 0; i < count; i++) {
    const [x, y] = draw(uniform);
    out[2 * i] = 0.5 + EXTENT * x + noise * normal();
    out[2 * i + 1] = 0.5 + EXTENT * y + noise * normal();
  }
  return out;
}
