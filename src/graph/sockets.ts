/** The closed set of socket types that flow between nodes, each with its colour in the editor. */

export const SOCKET_TYPES = {
  Dataset: { color: '#3b82f6', doc: 'A set of training examples: 2-D points or images, values in [0, 1].' },
  Schedule: { color: '#f59e0b', doc: 'Noise levels sigma_1 > … > sigma_L (largest first).' },
  Model: {
    color: '#8b5cf6',
    doc: 'A score model s(x, sigma): a network (trained or not) or an exact score.',
  },
  Loss: { color: '#ef4444', doc: 'A training objective (denoising score matching).' },
  Optimizer: { color: '#10b981', doc: 'An optimiser with its settings (Adam + EMA).' },
  Samples: { color: '#06b6d4', doc: 'A batch of points or images.' },
  Mask: { color: '#64748b', doc: 'Which pixels are known (1) and which are to be filled in (0).' },
  Losses: { color: '#ec4899', doc: 'A training loss log: loss per logged step, and per noise level.' },
} as const;

export type SocketType = keyof typeof SOCKET_TYPES;

export const SOCKET_TYPE_NAMES = Object.keys(SOCKET_TYPES) as SocketType[];

export function isSocketType(value: string): value is SocketType {
  return Object.prototype.hasOwnProperty.call(SOCKET_TYPES, value);
}

/** Whether an output of type `from` may feed an input of type `to`. Types match exactly. */
export function socketsCompatible(from: SocketType, to: SocketType): boolean {
  return from === to;
}
