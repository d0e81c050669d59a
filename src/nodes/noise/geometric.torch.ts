/** noise.geometric in PyTorch: train.py gets the sigmas scoregraph computed, written out as numbers. */
import { defineTorchForm } from '../torch-form';

export default defineTorchForm<{ sigmaMax: number; sigmaMin: number; levels: number }>({
  role: 'schedule',
  emit: ({ params }) => ({
    summary: `geometric noise schedule: σ ${params.sigmaMax} → ${params.sigmaMin}, L = ${params.levels}`,
  }),
});
