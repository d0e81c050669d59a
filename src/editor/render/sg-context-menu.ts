/**
 * <sg-context-menu>: the items the context menu plugin hands us, as a keyboard-usable menu.
 * Placed by the plugin (fixed, at the pointer); closes on a choice or Escape.
 */
import { LitElement, css, html } from 'lit';
import type { Item } from 'rete-context-menu-plugin/_types/types';

export class SgContextMenu extends LitElement {
  static override properties = { items: { attribute: false } };
  static override styles = css`
    :host {
      display: block;
      font: 12.5px var(--sg-font);
    }
    [role='menu'] {
      min-width: 170px;
      margin: 0;
      padding: 4px;
      list-style: none;
      background: var(--sg-surface);
      color: var(--sg-text);
      border: 1px solid var(--sg-border);
      border-radius: 8px;
      box-shadow: var(--sg-shadow-lg);
    }
    button {
      display: flex;
      justify-content: space-between;
      gap: 16px;
      width: 100%;
      padding: 5px 10px;
      border: 0;
      border-radius: 5px;
      background: none;
      color: inherit;
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    button:hover,
    button:focus-visible {
      outline: none;
      background: var(--sg-accent-soft);
    }
    .danger {
      color: var(--sg-danger);
    }
  `;

  declare items: Item[];
  onHide: () => void = () => {};

  constructor() {
    super();
    this.items = [];
  }

  override render() {
    return html`<ul role="menu" @keydown=${this.onKey} @pointerdown=${(e: Event) => e.stopPropagation()}>
      ${this.items.map(
        (item) =>
          html`<li role="none">
            <button
              role="menuitem"
              class=${item.key.startsWith('delete') ? 'danger' : ''}
              data-testid="context-menu-item"
              data-key=${item.key}
              @click=${() => this.choose(item)}
            >
              ${item.label}
            </button>
          </li>`,
      )}
    </ul>`;
  }

  protected override updated(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
  }

  private choose(item: Item): void {
    this.onHide();
    void item.handler();
  }

  private readonly onKey = (e: KeyboardEvent) => {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
    if (e.key === 'Escape') this.onHide();
    else if (e.key === 'ArrowDown') buttons[(at + 1) % buttons.length]?.focus();
    else if (e.key === 'ArrowUp') buttons[(at - 1 + buttons.length) % buttons.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
}

if (!customElements.get('sg-context-menu')) customElements.define('sg-context-menu', SgContextMenu);

declare global {
  interface HTMLElementTagNameMap {
    'sg-context-menu': SgContextMenu;
  }
}
