/** Each socket type's colour on cards, wires and in the inspector (part of the editor theme). */
import type { SocketType } from '../../graph';

export const SOCKET_COLORS: Record<SocketType, string> = {
  Dataset: '#3b82f6',
  Schedule: '#f59e0b',
  Model: '#8b5cf6',
  Loss: '#ef4444',
  Optimizer: '#10b981',
  Samples: '#06b6d4',
  Mask: '#64748b',
  Losses: '#ec4899',
};
