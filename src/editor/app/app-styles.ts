/** Layout of the app and what the canvas draws outside node cards: wires, marquee, toasts. */
import { css } from 'lit';
import { themeStyles } from './theme';

export const appStyles = [
  themeStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      position: fixed;
      inset: 0;
      font: 13px var(--sg-font);
      color: var(--sg-text);
      background: var(--sg-bg);
    }
    main {
      position: relative;
      flex: 1;
      display: flex;
      min-height: 0;
    }
    .canvas-host {
      flex: 1;
      position: relative;
      min-width: 0;
    }
    .canvas {
      position: absolute;
      inset: 0;
      background-color: var(--sg-bg);
      background-image: radial-gradient(circle, var(--sg-grid) 1.1px, transparent 1.3px);
      outline: none;
    }
    .empty-hint {
      position: absolute;
      top: 40%;
      left: 0;
      right: 0;
      text-align: center;
      color: var(--sg-muted);
      font-size: 15px;
      pointer-events: none;
    }
    .wire {
      position: absolute;
      overflow: visible;
      width: 1px;
      height: 1px;
      pointer-events: none;
    }
    .wire .line {
      fill: none;
      stroke: var(--wire);
      stroke-width: 2.5px;
    }
    .wire .hit {
      fill: none;
      stroke: transparent;
      stroke-width: 14px;
      pointer-events: stroke;
      cursor: pointer;
    }
    .wire .hit:hover + .line {
      stroke-width: 3.5px;
    }
    .wire.selected .line {
      stroke-width: 4px;
      filter: drop-shadow(0 0 3px var(--wire));
    }
    .wire.pseudo .line {
      stroke-dasharray: 7 5;
    }
    /* The copy of each wire over the cards (wire-view.ts): above any card (they count up from 1
       as they are picked), dimmed and dashed so it reads as passing behind, never clickable. */
    .wire-over {
      position: absolute;
      left: 0;
      top: 0;
      z-index: 1000000;
      pointer-events: none;
    }
    /* Except a card whose preview is open (sg-node-card.ts): the preview reaches over other cards
       and is read, so it stays on top. !important: rete sets each card's z-index inline on pick. */
    .preview-open {
      z-index: 1000001 !important;
    }
    .wire-copy {
      position: absolute;
      overflow: visible;
      width: 1px;
      height: 1px;
    }
    .wire-copy .line {
      fill: none;
      stroke: var(--wire);
      stroke-width: 2px;
      stroke-dasharray: 6 4;
      opacity: 0.6;
    }
    .wire-copy.selected .line {
      stroke-width: 3px;
      opacity: 0.8;
    }
    .marquee {
      position: absolute;
      border: 1px solid var(--sg-accent);
      background: color-mix(in srgb, var(--sg-accent) 12%, transparent);
      pointer-events: none;
      z-index: 10;
    }
    .toasts {
      position: fixed;
      left: 50%;
      bottom: 20px;
      transform: translateX(-50%);
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 6px;
      z-index: 60;
      pointer-events: none;
    }
    .toast {
      pointer-events: auto;
      max-width: 560px;
      padding: 8px 14px;
      border-radius: 8px;
      background: var(--sg-text);
      color: var(--sg-surface);
      box-shadow: var(--sg-shadow-lg);
      font-size: 13px;
      cursor: pointer;
    }
    .toast.error {
      background: var(--sg-danger);
      color: #fff;
    }
  `,
];
