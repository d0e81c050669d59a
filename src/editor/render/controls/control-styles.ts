/** Styles of the param controls: compact, quiet, with clear focus and invalid states. */
import { css } from 'lit';
import { smallButtonStyles } from '../../app/button-styles';

export const controlStyles = css`
  :host {
    display: block;
    font: 12px/1.35 var(--sg-font);
    color: var(--sg-text);
  }
  .param {
    display: grid;
    grid-template-columns: minmax(64px, 38%) 1fr;
    align-items: start;
    gap: 2px 8px;
    padding: 2px 0;
  }
  .param.kind-components,
  .param.kind-images {
    grid-template-columns: 1fr;
  }
  /* Labels, hints and notes wrap instead of being cut (issue 12 item 7). */
  label[for] {
    color: var(--sg-muted);
    padding-top: 3px;
    overflow-wrap: anywhere;
    cursor: help;
  }
  .control {
    min-width: 0;
  }
  .param.invalid label[for] {
    color: var(--sg-danger);
    font-weight: 600;
  }
  .hint {
    color: var(--sg-muted);
    font-size: 11px;
    margin-top: 2px;
    overflow-wrap: anywhere;
  }
  .warning {
    color: var(--sg-warn);
    background: var(--sg-warn-soft);
    border-radius: 4px;
    padding: 2px 6px;
    margin-top: 3px;
    font-size: 11px;
  }
  .stack {
    display: flex;
    flex-direction: column;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  input[type='text'],
  select {
    box-sizing: border-box;
    width: 100%;
    min-width: 0;
    font: 12px var(--sg-font);
    color: var(--sg-text);
    background: var(--sg-surface-2);
    border: 1px solid var(--sg-border);
    border-radius: 5px;
    padding: 2px 6px;
    height: 22px;
  }
  input.num {
    font-family: var(--sg-mono);
    font-size: 11.5px;
  }
  input.tiny {
    width: 46px;
    padding: 2px 4px;
  }
  input:focus-visible,
  select:focus-visible,
  button:focus-visible {
    outline: none;
    box-shadow: var(--sg-focus);
  }
  [aria-invalid='true'] {
    border-color: var(--sg-danger) !important;
    background: var(--sg-danger-soft) !important;
  }
  input:disabled {
    opacity: 0.5;
  }
  .slider {
    flex: 1;
    min-width: 0;
    height: 12px;
    margin: 0;
    accent-color: var(--sg-accent);
  }
  .row > .num:has(+ .slider) {
    flex: 0 0 64px;
  }
  .pair .num {
    flex: 1;
  }
  .dash,
  .auto-note {
    color: var(--sg-muted);
    font-size: 11px;
  }
  .auto-note {
    overflow-wrap: anywhere;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 3px;
    white-space: nowrap;
  }
  .switch {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    cursor: pointer;
    padding-top: 3px;
  }
  .switch input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
  }
  .track {
    width: 26px;
    height: 14px;
    border-radius: 7px;
    background: var(--sg-border);
    position: relative;
    transition: background 0.12s;
  }
  .thumb {
    position: absolute;
    top: 2px;
    left: 2px;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--sg-surface);
    transition: transform 0.12s;
  }
  .switch input:checked + .track {
    background: var(--sg-accent);
  }
  .switch input:checked + .track .thumb {
    transform: translateX(12px);
  }
  .switch input:focus-visible + .track {
    box-shadow: var(--sg-focus);
  }
  .switch-text {
    color: var(--sg-muted);
  }
  ${smallButtonStyles}
  .digits {
    display: grid;
    grid-template-columns: repeat(5, 1fr);
    gap: 3px;
  }
  .digit {
    height: 22px;
    font-family: var(--sg-mono);
  }
  .digit[aria-pressed='true'] {
    background: var(--sg-accent);
    border-color: var(--sg-accent);
    color: #fff;
  }
  .components {
    display: flex;
    flex-direction: column;
    gap: 3px;
  }
  .comp-head,
  .comp-row {
    display: grid;
    grid-template-columns: 1fr 50px 50px 22px;
    gap: 3px;
    align-items: center;
  }
  .comp-head {
    color: var(--sg-muted);
    font-size: 11px;
  }
  .means {
    display: flex;
    gap: 3px;
  }
  .means input {
    flex: 1;
    width: 0;
  }
  .icon {
    width: 22px;
    height: 22px;
    padding: 0;
    line-height: 1;
  }
  .add {
    align-self: flex-start;
    padding: 2px 8px;
  }
  .drop {
    border: 1.5px dashed var(--sg-border);
    border-radius: 6px;
    padding: 6px;
  }
  .drop.over {
    border-color: var(--sg-accent);
    background: var(--sg-accent-soft);
  }
  .thumbs {
    display: flex;
    flex-wrap: wrap;
    gap: 3px;
    margin-bottom: 4px;
  }
  .thumbs img {
    width: 28px;
    height: 28px;
    object-fit: cover;
    image-rendering: pixelated;
    border-radius: 3px;
  }
  .file {
    flex: 1;
    color: var(--sg-accent);
    cursor: pointer;
  }
  .file input {
    position: absolute;
    opacity: 0;
    width: 1px;
  }
`;
