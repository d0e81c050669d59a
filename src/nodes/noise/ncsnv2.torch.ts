/** noise.ncsnv2 in PyTorch: train.py gets the sigmas scoregraph chose (Techniques 1–2), written out as numbers. */
import { defineTorchForm } from '../torch-form';

export default defineTorchForm({
  role: 'schedule',
  emit: ({ resolved }) => {
    const s = resolved.sigmas;
    return {
      summary: `NCSNv2 schedule (Techniques 1–2, computed by scoregraph): σ ${s[0].toPrecision(4)} → ${s[s.length - 1].toPrecision(3)}, L = ${s.length}`,
    };
  },
});
