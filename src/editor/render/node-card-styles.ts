/** Styles of a node card: a quiet surface, a thin category stripe, sockets on the card's edges. */
import { css } from 'lit';

export const cardStyles = css`
  :host {
    display: block;
    font: 12px/1.35 var(--sg-font);
    color: var(--sg-text);
  }
  .card {
    position: relative;
    width: 248px;
    background: var(--sg-surface);
    border: 1px solid var(--sg-border);
    border-top: 3px solid var(--cat);
    border-radius: var(--sg-radius);
    box-shadow: var(--sg-shadow);
    user-select: none;
  }
  .card.viewer {
    width: 300px;
  }
  .card.selected {
    border-color: var(--sg-accent);
    border-top-color: var(--cat);
    box-shadow:
      0 0 0 2px var(--sg-accent),
      var(--sg-shadow);
  }
  .card.invalid:not(.selected) {
    border-color: var(--sg-danger);
    border-top-color: var(--cat);
  }
  header {
    position: relative;
    display: flex;
    align-items: center;
    gap: 4px;
    padding: 5px 8px 4px 4px;
    cursor: grab;
  }
  .collapse {
    width: 18px;
    height: 18px;
    border: 0;
    padding: 0;
    background: none;
    color: var(--sg-muted);
    cursor: pointer;
    border-radius: 4px;
    font-size: 11px;
  }
  .collapse:hover {
    background: var(--sg-surface-2);
  }
  .collapse:focus-visible {
    outline: none;
    box-shadow: var(--sg-focus);
  }
  /* The title wraps rather than being cut (issue 12 item 7); the id gives way first. */
  .title {
    font-weight: 600;
    font-size: 12.5px;
    flex: 0 1 auto;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .id {
    color: var(--sg-muted);
    font: 10.5px var(--sg-mono);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    flex: 1 1 0;
    min-width: 0;
  }
  .status {
    flex: none;
    font-size: 10.5px;
    padding: 1px 6px;
    border-radius: 9px;
    background: var(--sg-surface-2);
    color: var(--sg-muted);
    white-space: nowrap;
  }
  .status[data-status='running'] {
    background: var(--sg-accent-soft);
    color: var(--sg-accent);
  }
  .status[data-status='done'] {
    color: var(--sg-ok);
  }
  .status[data-status='cached'] {
    color: var(--sg-ok);
    background: transparent;
    border: 1px dashed var(--sg-border);
  }
  .status[data-status='error'] {
    background: var(--sg-danger-soft);
    color: var(--sg-danger);
  }
  .status[data-status='queued']::before {
    content: '… ';
  }
  .bar {
    position: absolute;
    left: 8px;
    right: 8px;
    bottom: -2px;
    height: 3px;
    border-radius: 2px;
    background: var(--sg-surface-2);
    overflow: hidden;
  }
  .fill {
    height: 100%;
    background: var(--sg-accent);
    transition: width 0.2s linear;
  }
  .progress-text {
    flex: 1;
    min-width: 0;
    font: 10.5px var(--sg-mono);
    color: var(--sg-accent);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .messages {
    margin: 0 6px 4px;
    padding: 4px 6px 4px 18px;
    background: var(--sg-danger-soft);
    color: var(--sg-danger);
    border-radius: 5px;
    font-size: 11.5px;
    user-select: text;
  }
  .messages li + li {
    margin-top: 2px;
  }
  .ports {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    padding: 2px 0 4px;
    border-top: 1px solid var(--sg-surface-2);
  }
  .inputs,
  .outputs {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .outputs {
    align-items: flex-end;
  }
  .port {
    position: relative;
    display: flex;
    align-items: center;
    gap: 5px;
    height: 20px;
    padding: 0 10px;
    white-space: nowrap;
  }
  .port.output {
    flex-direction: row-reverse;
  }
  .port-type {
    color: var(--sg-muted);
    font-size: 10.5px;
    opacity: 0;
    transition: opacity 0.1s;
  }
  .port:hover .port-type,
  .port.target .port-type {
    opacity: 1;
  }
  .socket {
    position: absolute;
    top: 50%;
    width: 12px;
    height: 12px;
    margin-top: -6px;
    border-radius: 50%;
    background: var(--sock);
    border: 2px solid var(--sg-surface);
    box-sizing: border-box;
    cursor: crosshair;
    transition: transform 0.1s;
  }
  .port.input .socket {
    left: -6px;
  }
  .port.output .socket {
    right: -6px;
  }
  .socket:hover,
  .port.target .socket {
    transform: scale(1.35);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--sock) 35%, transparent);
  }
  .socket.missing {
    box-shadow: 0 0 0 2px var(--sg-danger);
  }
  .port.dim {
    opacity: 0.35;
  }
  .params {
    padding: 2px 10px 6px;
    border-top: 1px solid var(--sg-surface-2);
  }
  .viewer {
    display: block;
    margin: 0 8px 8px;
  }
  .preview-toggle {
    flex: none;
    width: 20px;
    height: 18px;
    padding: 0;
    border: 0;
    border-radius: 4px;
    background: none;
    color: var(--sg-muted);
    font-size: 12px;
    cursor: pointer;
  }
  .preview-toggle:hover,
  .preview-toggle[aria-pressed='true'] {
    background: var(--sg-surface-2);
    color: var(--sg-accent);
  }
  .preview-toggle:focus-visible {
    outline: none;
    box-shadow: var(--sg-focus);
  }
  .collapsed .ports {
    border-top: 0;
  }
`;
