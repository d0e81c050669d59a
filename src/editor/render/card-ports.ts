/** A card's sockets: typed and coloured, lit up or dimmed while a wire is dragged, ringed when missing. */
import { SOCKETS } from '../../nodes/sockets';
import { SOCKET_COLORS } from '../app/socket-colors';
import { html } from 'lit';
import { socketsCompatible, type Problem, type SocketSpec } from '../../graph';
import type { Side } from '../rete/signals';
import type { WireDrag } from './card-context';

export function portsTemplate(
  nodeId: string,
  side: Side,
  sockets: Readonly<Record<string, SocketSpec>>,
  problems: Problem[],
  wire: WireDrag | null,
) {
  return Object.entries(sockets).map(([key, spec]) => {
    let reach = '';
    if (wire && !(wire.nodeId === nodeId && wire.key === key && wire.side === side)) {
      const fits =
        wire.side !== side &&
        wire.nodeId !== nodeId &&
        (side === 'input'
          ? socketsCompatible(wire.type, spec.type)
          : socketsCompatible(spec.type, wire.type));
      reach = fits ? 'target' : 'dim';
    }
    const missing = side === 'input' && problems.some((p) => p.socket === key);
    const tip = `${key}: ${spec.type}${spec.optional ? ' (optional)' : ''}\n${spec.doc ?? SOCKETS[spec.type].doc}`;
    return html`<div class="port ${side} ${reach}" data-testid=${`${side}-${key}`} title=${tip}>
      <span
        class="socket ${missing ? 'missing' : ''}"
        data-testid=${`${side}-socket`}
        data-side=${side}
        data-key=${key}
        data-type=${spec.type}
        style="--sock:${SOCKET_COLORS[spec.type]}"
      ></span>
      <span class="port-label">${key}</span>
      <span class="port-type">${spec.type}</span>
    </div>`;
  });
}
