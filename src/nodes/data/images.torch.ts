/** data.images in PyTorch: the user's image folder, cropped and resized by scoregraph, exported as data/images.npy. */
import { defineTorchForm } from '../torch-form';
import { npyDatasetPart } from './npy-data.torch';

export default defineTorchForm<{ size: number }>({
  role: 'dataset',
  emit: ({ params, resolved }) =>
    npyDatasetPart('data/images.npy', `your images at ${params.size} px`, resolved),
});
