/** data.mnist in PyTorch: the chosen bundled digits, exported as data/mnist.npy. */
import { defineTorchForm } from '../torch-form';
import { npyDatasetPart } from './npy-data.torch';

export default defineTorchForm<{ digits: number[]; size: number }>({
  role: 'dataset',
  emit: ({ params, resolved }) =>
    npyDatasetPart(
      'data/mnist.npy',
      `MNIST digits ${params.digits.join(',')} at ${params.size} px`,
      resolved,
    ),
});
