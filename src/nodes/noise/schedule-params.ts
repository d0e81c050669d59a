/** The param both schedule kinds share, declared once so it reads the same on both nodes. */
import { number } from '../../graph';

export const sigmaMinParam = number({
  default: 0.01,
  min: 1e-5,
  max: 1e3,
  log: true,
  label: 'σ min',
  doc: 'σ_L, the smallest noise level: small enough that σ_L-noisy data look clean (0.01 in every released config, images in [0, 1]).',
});
