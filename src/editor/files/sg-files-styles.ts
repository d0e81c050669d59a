/** Styles of the files dialogs: a centred modal card over a dimmed editor, in the app's theme. */
import { css } from 'lit';

export const filesStyles = css`
  .backdrop {
    position: fixed;
    inset: 0;
    background: rgb(0 0 0 / 0.35);
    display: grid;
    place-items: center;
    z-index: 50;
  }
  .dialog {
    width: min(640px, calc(100vw - 32px));
    max-height: calc(100vh - 64px);
    display: flex;
    flex-direction: column;
    background: var(--sg-surface);
    color: var(--sg-text);
    border: 1px solid var(--sg-border);
    border-radius: var(--sg-radius);
    box-shadow: var(--sg-shadow-lg);
    font: 13px var(--sg-font);
  }
  h2 {
    margin: 0;
    padding: 14px 18px 10px;
    font-size: 15px;
  }
  .body {
    padding: 0 18px 12px;
    overflow: auto;
  }
  .actions {
    display: flex;
    gap: 8px;
    justify-content: flex-end;
    padding: 12px 18px 14px;
    border-top: 1px solid var(--sg-border);
  }
  button {
    font: inherit;
    padding: 6px 12px;
    border-radius: 6px;
    border: 1px solid var(--sg-border);
    background: var(--sg-surface-2);
    color: var(--sg-text);
    cursor: pointer;
  }
  button.primary {
    background: var(--sg-accent);
    border-color: var(--sg-accent);
    color: white;
  }
  button.danger {
    color: var(--sg-danger);
  }
  button:focus-visible {
    outline: none;
    box-shadow: var(--sg-focus);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .problem {
    padding: 8px 10px;
    margin-bottom: 6px;
    border-radius: 6px;
    background: var(--sg-danger-soft);
    overflow-wrap: anywhere;
  }
  .where {
    display: inline-flex;
    gap: 4px;
    margin-bottom: 4px;
  }
  .where span {
    font: 11px var(--sg-mono);
    padding: 1px 6px;
    border-radius: 4px;
    background: var(--sg-surface);
    border: 1px solid var(--sg-border);
  }
  .more,
  .hint {
    color: var(--sg-muted);
  }
  .preset,
  .checkpoint {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 10px;
    border-bottom: 1px solid var(--sg-border);
  }
  .preset .text,
  .checkpoint .text {
    flex: 1;
    min-width: 0;
  }
  .preset .name,
  .checkpoint .name {
    font-weight: 600;
  }
  /* In full: the 'sized for a GPU' warnings are at the end (issue 12 item 7). */
  .preset .description {
    color: var(--sg-muted);
    margin-top: 2px;
  }
  .checkpoint .meta {
    font: 11px var(--sg-mono);
    color: var(--sg-muted);
  }
  input.url {
    width: 100%;
    box-sizing: border-box;
    font: 12px var(--sg-mono);
    padding: 6px 8px;
    border: 1px solid var(--sg-border);
    border-radius: 6px;
    background: var(--sg-surface-2);
    color: var(--sg-text);
  }
`;
