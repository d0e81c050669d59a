/** Styles of the Runs panel: a drawer over the right of the canvas, legible in both themes. */
import { css } from 'lit';
import { smallButtonStyles } from '../app/button-styles';

export const runsStyles = css`
  :host {
    position: absolute;
    top: 0;
    right: 0;
    bottom: 0;
    width: min(440px, 100%);
    overflow-y: auto;
    box-sizing: border-box;
    padding: 10px 12px 16px;
    background: var(--sg-surface);
    color: var(--sg-text);
    border-left: 1px solid var(--sg-border);
    box-shadow: var(--sg-shadow-lg);
    font: 12.5px var(--sg-font);
    z-index: 20;
  }
  header {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  h2 {
    margin: 0;
    font-size: 15px;
  }
  h3 {
    margin: 12px 0 4px;
    font-size: 13px;
  }
  h4 {
    margin: 10px 0 2px;
    font-size: 12px;
    color: var(--sg-muted);
    font-weight: 600;
  }
  header .muted {
    flex: 1;
  }
  .muted {
    color: var(--sg-muted);
  }
  .problem {
    color: var(--sg-danger);
  }
  ${smallButtonStyles}
  button {
    padding: 2px 8px;
  }
  .list {
    list-style: none;
    margin: 10px 0 0;
    padding: 0;
  }
  .list li {
    border: 1px solid var(--sg-border);
    border-radius: 6px;
    padding: 6px 8px;
    margin-bottom: 6px;
  }
  .list li.picked {
    border-color: var(--sg-accent);
    background: var(--sg-accent-soft);
  }
  label {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 10px;
    cursor: pointer;
  }
  .when {
    font-weight: 600;
  }
  .status.error {
    color: var(--sg-danger);
  }
  .status.cancelled {
    color: var(--sg-warn);
  }
  .status.done {
    color: var(--sg-ok);
  }
  .tag {
    border-radius: 3px;
    padding: 0 5px;
    color: var(--sg-surface);
  }
  .tag-0 {
    background: var(--sg-accent);
  }
  .tag-1 {
    background: var(--sg-warn);
  }
  .changes {
    margin: 3px 0 0 22px;
    color: var(--sg-muted);
    overflow-wrap: anywhere;
  }
  .hash {
    font: 11px var(--sg-mono);
    color: var(--sg-muted);
  }
  .thumbs {
    display: flex;
    gap: 6px;
    margin: 4px 0 0 22px;
  }
  .thumbs figure {
    margin: 0;
  }
  .actions {
    display: flex;
    gap: 6px;
    justify-content: flex-end;
    margin-top: 4px;
  }
  .diff {
    margin: 0;
    padding-left: 18px;
    font-family: var(--sg-mono);
    font-size: 11.5px;
    overflow-wrap: anywhere;
  }
  .side {
    display: flex;
    gap: 8px;
  }
  figure {
    margin: 0;
  }
  figcaption {
    font-size: 11px;
    color: var(--sg-muted);
  }
`;
