/**
 * The closed set of socket types that flow between nodes, as the file format knows them. What
 * each one means and carries is the socket table (src/nodes/sockets.ts); its colour belongs to
 * the editor theme (src/editor/app/socket-colors.ts).
 */

export const SOCKET_TYPE_NAMES = [
  'Dataset',
  'Schedule',
  'Model',
  'Loss',
  'Optimizer',
  'Samples',
  'Mask',
  'Losses',
] as const;

export type SocketType = (typeof SOCKET_TYPE_NAMES)[number];

export function isSocketType(value: string): value is SocketType {
  return (SOCKET_TYPE_NAMES as readonly string[]).includes(value);
}

/** Whether an output of type `from` may feed an input of type `to`. Types match exactly. */
export function socketsCompatible(from: SocketType, to: SocketType): boolean {
  return from === to;
}
