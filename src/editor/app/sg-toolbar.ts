/**
 * <sg-toolbar>: menus (File, Edit — filled from command ids by prefix, so file.*
 * commands appear by themselves), undo/redo, view, Run/Stop with the reason Run is disabled,
 * the backend in use, theme, minimap and panel toggles. Every control is a real, focusable button.
 */
import { LitElement, html, nothing } from 'lit';
import { describeChord } from '../commands/keys';
import type { Command } from '../commands/registry';
import { runBlocked } from '../commands/run-commands';
import type { EditorController } from './editor-controller';
import { Subscribe } from './subscribe';
import { toolbarNarrow, toolbarStyles } from './toolbar-styles';

/** Menus listed in the toolbar: every command whose id starts with the prefix. */
const MENUS = [
  { label: 'File', prefix: 'file.' },
  { label: 'Edit', prefix: 'edit.' },
];

export class SgToolbar extends LitElement {
  static override properties = { editor: { attribute: false }, open: { state: true } };
  static override styles = [toolbarStyles, toolbarNarrow];

  declare editor: EditorController;
  declare open: string | null;

  constructor() {
    super();
    this.open = null;
    new Subscribe(this, () => [
      (r) => this.editor.commands.listen(r),
      (r) => this.editor.run.run.listen(r),
      (r) => this.editor.backend.listen(r),
      (r) => this.editor.theme.listen(r),
      (r) => this.editor.panelOpen.listen(r),
      (r) => this.editor.minimap.listen(r),
    ]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'toolbar');
    this.setAttribute('aria-label', 'Editor');
  }

  override render() {
    const e = this.editor;
    const running = e.run.run.value.running;
    const blocked = runBlocked(e);
    const backend = e.backend.value;
    return html`
      <span class="brand">score<b>graph</b></span>
      ${MENUS.map((m) => this.menu(m.label, m.prefix))}
      <span class="sep"></span>
      ${this.button('edit.undo', '↶')} ${this.button('edit.redo', '↷')}
      <span class="sep"></span>
      ${this.button('node.add', '+ Node')} ${this.button('view.fit', 'Fit')}
      ${this.button('view.arrange', 'Arrange')} ${this.button('view.runs', 'Runs')}
      <span class="grow"></span>
      ${
        // Stop comes up left of Estimate and Run (which stay put, disabled), never under the
        // pointer that just pressed one of them.
        running
          ? this.button('run.stop', '■ Stop', 'stop')
          : blocked && e.doc.graph.nodes.length
            ? html`<span
                class="reason ${e.problems.summary.value.all.length ? 'problem' : ''}"
                data-testid="run-reason"
                title=${blocked}
                >${blocked}</span
              >`
            : nothing
      }
      ${this.button('run.estimate', '⏱ Estimate')} ${this.button('run.start', '▶ Run', 'primary')}
      <span
        class="backend ${backend?.warning ? 'warn' : ''}"
        data-testid="backend"
        title=${[backend?.warning, backend?.reason ?? 'Starting the runtime…'].filter(Boolean).join('\n')}
      >
        ${backend ? backend.backend : '…'}${
          backend?.warning
            ? html`<span data-testid="backend-warning" aria-label=${backend.warning}> ⚠</span>`
            : nothing
        }
      </span>
      <button
        class="icon"
        aria-pressed=${e.theme.value === 'dark' ? 'true' : 'false'}
        aria-label="Dark theme"
        title="Dark theme"
        data-command="view.theme"
        @click=${() => e.commands.run('view.theme')}
      >
        ${e.theme.value === 'dark' ? '☀' : '☾'}
      </button>
      ${this.minimapToggle()}
      <button
        class="icon"
        aria-pressed=${e.panelOpen.value ? 'true' : 'false'}
        aria-label="Docs panel"
        title=${this.tip(e.commands.get('view.panel'))}
        data-command="view.panel"
        @click=${() => e.commands.run('view.panel')}
      >
        ☰
      </button>
    `;
  }

  /** Pressed only while the minimap shows: a canvas too narrow for it disables it, saying why. */
  private minimapToggle() {
    const e = this.editor;
    const reason = e.commands.get('view.minimap')?.disabled?.() ?? null;
    return html`<button
      class="icon"
      aria-pressed=${e.minimap.value && !reason ? 'true' : 'false'}
      aria-label="Minimap"
      title=${this.tip(e.commands.get('view.minimap'), reason)}
      data-command="view.minimap"
      ?disabled=${!!reason}
      @click=${() => e.commands.run('view.minimap')}
    >
      ▣
    </button>`;
  }

  private tip(command: Command | undefined, reason?: string | null): string {
    if (!command) return '';
    const keys = command.kbd?.length ? ` (${describeChord(command.kbd[0])})` : '';
    return [command.label + keys, command.doc, reason].filter(Boolean).join('\n');
  }

  private button(id: string, text: string, tone = '') {
    const command = this.editor.commands.get(id);
    if (!command) return nothing;
    const reason = command.disabled?.() ?? null;
    return html`<button
      class=${tone}
      data-command=${id}
      aria-label=${command.label}
      title=${this.tip(command, reason)}
      ?disabled=${!!reason}
      @click=${() => this.editor.commands.run(id)}
    >
      ${text}
    </button>`;
  }

  private menu(label: string, prefix: string) {
    const commands = this.editor.commands.all().filter((c) => c.id.startsWith(prefix));
    if (!commands.length) return nothing;
    const open = this.open === label;
    return html`<div class="menu" @focusout=${this.onMenuBlur}>
      <button
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        data-menu=${label}
        @click=${() => (this.open = open ? null : label)}
        @keydown=${(ev: KeyboardEvent) => ev.key === 'Escape' && (this.open = null)}
      >
        ${label} ▾
      </button>
      ${
        open
          ? html`<div class="items" role="menu" @keydown=${this.onMenuKey}>
              ${commands.map((c) => {
                const reason = c.disabled?.() ?? null;
                return html`<button
                  role="menuitem"
                  data-command=${c.id}
                  title=${reason ?? c.doc ?? ''}
                  ?disabled=${!!reason}
                  @click=${() => {
                    this.open = null;
                    void this.editor.commands.run(c.id);
                  }}
                >
                  <span class="item-label"
                    >${c.label}${
                      // Why it is disabled, in words next to it (not only in a tooltip).
                      reason ? html`<small class="why" data-testid="menu-reason">${reason}</small>` : nothing
                    }</span
                  ><kbd>${c.kbd?.length ? describeChord(c.kbd[0]) : ''}</kbd>
                </button>`;
              })}
            </div>`
          : nothing
      }
    </div>`;
  }

  protected override updated(): void {
    if (this.open) this.renderRoot.querySelector<HTMLButtonElement>('.items button:not([disabled])')?.focus();
  }

  private readonly onMenuBlur = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (!next || !(e.currentTarget as HTMLElement).contains(next)) this.open = null;
  };

  private readonly onMenuKey = (e: KeyboardEvent) => {
    const items = [
      ...(e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button:not([disabled])'),
    ];
    const at = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Escape') {
      this.open = null;
      this.renderRoot.querySelector<HTMLButtonElement>('[aria-expanded]')?.focus();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };
}

if (!customElements.get('sg-toolbar')) customElements.define('sg-toolbar', SgToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'sg-toolbar': SgToolbar;
  }
}
