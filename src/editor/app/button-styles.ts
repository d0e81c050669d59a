/** The small secondary button of panels and controls (Runs panel, param controls), in one place. */
import { css } from 'lit';

export const smallButtonStyles = css`
  button {
    font: 12px var(--sg-font);
    color: var(--sg-text);
    background: var(--sg-surface-2);
    border: 1px solid var(--sg-border);
    border-radius: 5px;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--sg-accent);
  }
`;
