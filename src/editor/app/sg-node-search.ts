/**
 * <sg-node-search>: a popup to add a node — type to filter (fuzzy over titles, types,
 * categories, docs), arrows to move, Enter to place. Opened by double-click on the canvas, by
 * dropping a wire on empty canvas (then only kinds that fit the wire are listed), or Space/Tab.
 *
 * @fires sg-search-pick - { type } a kind was chosen
 * @fires sg-search-close - closed without a choice
 */
import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { searchKinds, type Searchable } from '../state/search';
import { categoryColor } from './theme';

export class SgNodeSearch extends LitElement {
  static override properties = {
    kinds: { attribute: false },
    heading: { attribute: false },
    query: { state: true },
    active: { state: true },
  };
  static override styles = css`
    :host {
      position: fixed;
      z-index: 50;
      width: 340px;
      font: 13px var(--sg-font);
      color: var(--sg-text);
      background: var(--sg-surface);
      border: 1px solid var(--sg-border);
      border-radius: 10px;
      box-shadow: var(--sg-shadow-lg);
      max-height: calc(100vh - 16px);
      overflow: auto;
    }
    .head {
      padding: 8px 10px 0;
      font-size: 11px;
      color: var(--sg-muted);
    }
    input {
      box-sizing: border-box;
      width: calc(100% - 16px);
      margin: 8px;
      padding: 7px 9px;
      font: 13px var(--sg-font);
      color: var(--sg-text);
      background: var(--sg-surface-2);
      border: 1px solid var(--sg-border);
      border-radius: 6px;
      outline: none;
    }
    input:focus {
      box-shadow: var(--sg-focus);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0 4px 4px;
      max-height: 300px;
      overflow-y: auto;
    }
    li {
      display: flex;
      align-items: baseline;
      gap: 8px;
      padding: 5px 8px;
      border-radius: 6px;
      cursor: pointer;
    }
    li[aria-selected='true'] {
      background: var(--sg-accent-soft);
    }
    .dot {
      flex: none;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--cat);
      align-self: center;
    }
    .title {
      font-weight: 500;
    }
    .type {
      margin-left: auto;
      color: var(--sg-muted);
      font: 11px var(--sg-mono);
    }
    .doc {
      padding: 8px 12px 10px;
      border-top: 1px solid var(--sg-border);
      color: var(--sg-muted);
      font-size: 12px;
      min-height: 2.7em;
    }
    .none {
      padding: 8px 12px 12px;
      color: var(--sg-muted);
    }
  `;

  declare kinds: Searchable[];
  declare heading: string;
  declare query: string;
  declare active: number;

  constructor() {
    super();
    this.kinds = [];
    this.heading = '';
    this.query = '';
    this.active = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'dialog');
    this.setAttribute('aria-label', 'Add a node');
    this.setAttribute('data-testid', 'node-search');
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector('input')!.focus();
  }

  private get results(): Searchable[] {
    return searchKinds(this.kinds, this.query);
  }

  override render() {
    const results = this.results;
    const active = results[Math.min(this.active, results.length - 1)];
    return html`${this.heading ? html`<div class="head">${this.heading}</div>` : nothing}
      <input
        type="search"
        placeholder="Search nodes…"
        aria-label="Search nodes"
        aria-controls="results"
        .value=${live(this.query)}
        @input=${(e: Event) => {
          this.query = (e.target as HTMLInputElement).value;
          this.active = 0;
        }}
        @keydown=${this.onKey}
        @blur=${this.onBlur}
      />
      ${
        results.length
          ? html`<ul id="results" role="listbox">
              ${results.map(
                (kind, i) =>
                  html`<li
                    role="option"
                    data-testid="search-result"
                    data-type=${kind.type}
                    aria-selected=${kind === active ? 'true' : 'false'}
                    style="--cat:${categoryColor(kind.category)}"
                    @pointerdown=${(e: Event) => e.preventDefault()}
                    @pointerenter=${() => (this.active = i)}
                    @click=${() => this.pick(kind)}
                  >
                    <span class="dot"></span><span class="title">${kind.title}</span>
                    <span class="type">${kind.type}</span>
                  </li>`,
              )}
            </ul>`
          : html`<div class="none">No node matches “${this.query}”.</div>`
      }
      ${active ? html`<div class="doc">${active.doc}</div>` : nothing}`;
  }

  protected override updated(): void {
    this.renderRoot.querySelector('li[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
    this.keepInWindow();
  }

  /** The doc under the list grows with the active kind: move up so the bottom stays in the window. */
  private keepInWindow(): void {
    const margin = 8;
    const box = this.getBoundingClientRect();
    const overflow = box.bottom - (window.innerHeight - margin);
    if (overflow > 0) this.style.top = `${Math.max(margin, box.top - overflow)}px`;
  }

  private readonly onKey = (e: KeyboardEvent) => {
    const results = this.results;
    if (e.key === 'ArrowDown') this.active = Math.min(this.active + 1, results.length - 1);
    else if (e.key === 'ArrowUp') this.active = Math.max(this.active - 1, 0);
    else if (e.key === 'Enter' && results.length)
      this.pick(results[Math.min(this.active, results.length - 1)]);
    else if (e.key === 'Escape') this.close();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  private readonly onBlur = () => {
    // Clicking a result keeps focus (pointerdown is prevented); anything else closes.
    setTimeout(() => {
      if (this.isConnected && !this.matches(':focus-within')) this.close();
    }, 0);
  };

  private pick(kind: Searchable): void {
    this.dispatchEvent(
      new CustomEvent('sg-search-pick', { detail: { type: kind.type }, bubbles: true, composed: true }),
    );
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('sg-search-close', { bubbles: true, composed: true }));
  }
}

if (!customElements.get('sg-node-search')) customElements.define('sg-node-search', SgNodeSearch);

declare global {
  interface HTMLElementTagNameMap {
    'sg-node-search': SgNodeSearch;
  }
}
