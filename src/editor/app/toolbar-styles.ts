/** Styles of the toolbar: one quiet row, clear focus rings, a strong Run button. */
import { css } from 'lit';

export const toolbarStyles = css`
  :host {
    display: flex;
    align-items: center;
    gap: 4px;
    height: 44px;
    padding: 0 10px;
    background: var(--sg-surface);
    border-bottom: 1px solid var(--sg-border);
    font: 13px var(--sg-font);
    color: var(--sg-text);
    box-sizing: border-box;
    position: relative;
    z-index: 20;
  }
  .brand {
    font-size: 15px;
    letter-spacing: -0.01em;
    margin-right: 10px;
    color: var(--sg-muted);
    white-space: nowrap;
  }
  .brand b {
    color: var(--sg-text);
  }
  .sep {
    width: 1px;
    height: 20px;
    background: var(--sg-border);
    margin: 0 4px;
  }
  .grow {
    flex: 1;
  }
  button {
    font: inherit;
    color: inherit;
    height: 30px;
    padding: 0 10px;
    background: none;
    border: 1px solid transparent;
    border-radius: 6px;
    cursor: pointer;
    white-space: nowrap;
  }
  button:hover:not(:disabled) {
    background: var(--sg-surface-2);
  }
  button:focus-visible {
    outline: none;
    box-shadow: var(--sg-focus);
  }
  button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  button.icon {
    width: 32px;
    padding: 0;
    font-size: 15px;
  }
  button[aria-pressed='true'] {
    background: var(--sg-surface-2);
  }
  button.primary {
    background: var(--sg-accent);
    color: #fff;
    font-weight: 600;
    padding: 0 14px;
  }
  button.primary:hover:not(:disabled) {
    background: var(--sg-accent);
    filter: brightness(1.08);
  }
  button.primary:disabled {
    opacity: 0.45;
  }
  /* Listed after the generic :hover rule and as specific, so hover keeps white on red. */
  button.stop,
  button.stop:hover:not(:disabled) {
    background: var(--sg-stop);
    color: #fff;
    font-weight: 600;
  }
  button.stop:hover:not(:disabled) {
    background: var(--sg-stop-hover);
  }
  /* Up to two lines in full (issue 12 item 7); shrinks before the buttons do. */
  .reason {
    flex: 0 1 auto;
    min-width: 120px;
    max-width: 520px;
    max-height: 40px;
    overflow: auto;
    color: var(--sg-muted);
    font-size: 11.5px;
    line-height: 14px;
    text-align: right;
  }
  .reason.problem {
    color: var(--sg-danger);
  }
  .backend {
    font: 11px var(--sg-mono);
    padding: 3px 8px;
    border-radius: 10px;
    background: var(--sg-surface-2);
    color: var(--sg-muted);
    margin-left: 6px;
    cursor: help;
  }
  .backend.warn {
    color: var(--sg-warn);
    background: var(--sg-warn-soft);
  }
  .menu {
    position: relative;
  }
  .items {
    position: absolute;
    top: 34px;
    left: 0;
    min-width: 220px;
    padding: 4px;
    background: var(--sg-surface);
    border: 1px solid var(--sg-border);
    border-radius: 8px;
    box-shadow: var(--sg-shadow-lg);
    display: flex;
    flex-direction: column;
  }
  .items button {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 20px;
    text-align: left;
    height: auto;
    min-height: 28px;
    padding-top: 4px;
    padding-bottom: 4px;
  }
  .items button:disabled {
    opacity: 1;
    color: var(--sg-muted);
  }
  .why {
    display: block;
    max-width: 300px;
    white-space: normal;
    font-size: 11px;
    line-height: 14px;
    margin-top: 1px;
  }
  kbd {
    font: 11px var(--sg-font);
    color: var(--sg-muted);
  }
`;

/* Narrow windows (or 200 % zoom): the brand and separators give way to the controls. */
export const toolbarNarrow = css`
  /* Below 1000 px the row would overflow (the Run reason needs room): drop the brand and the
     separators first, then, below 820 px, the reason too (the Run button's tooltip keeps it). */
  @media (max-width: 1000px) {
    :host {
      gap: 0;
      padding: 0 4px;
    }
    .brand,
    .sep {
      display: none;
    }
    button {
      padding: 0 7px;
    }
  }
  @media (max-width: 820px) {
    .reason {
      display: none;
    }
  }
`;
