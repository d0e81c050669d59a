/**
 * <sg-inspector>: the docs and inspector panel. With one node selected: what the node does,
 * its sockets and params with their docs and allowed values, and its problems. Otherwise: the
 * graph's description, every problem (click to go to the node), and the keyboard shortcuts.
 */
import { LitElement, css, html, nothing } from 'lit';
import { SOCKETS } from '../../nodes/sockets';
import { SOCKET_COLORS } from './socket-colors';
import { describeAllowed, type KindSpec, type SocketSpec } from '../../graph';
import { describeChord } from '../commands/keys';
import type { EditorController } from './editor-controller';
import { Subscribe } from './subscribe';
import { categoryColor } from './theme';

export class SgInspector extends LitElement {
  static override properties = { editor: { attribute: false } };
  static override styles = css`
    :host {
      display: block;
      width: 300px;
      flex: none;
      overflow-y: auto;
      background: var(--sg-surface);
      border-left: 1px solid var(--sg-border);
      font: 12.5px/1.45 var(--sg-font);
      color: var(--sg-text);
      padding: 14px 16px 24px;
      box-sizing: border-box;
    }
    h2 {
      font-size: 15px;
      margin: 0 0 2px;
    }
    h3 {
      font-size: 11px;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: var(--sg-muted);
      margin: 16px 0 6px;
    }
    .type {
      font: 11px var(--sg-mono);
      color: var(--sg-muted);
    }
    .cat {
      display: inline-block;
      padding: 0 6px;
      border-radius: 8px;
      color: #fff;
      background: var(--cat);
      font-size: 11px;
      margin-right: 6px;
    }
    p {
      margin: 8px 0;
    }
    dl {
      margin: 0;
    }
    dt {
      font-weight: 600;
      margin-top: 6px;
    }
    dt small {
      font-weight: 400;
      color: var(--sg-muted);
      font-family: var(--sg-mono);
    }
    dd {
      margin: 0;
      color: var(--sg-muted);
    }
    .sock {
      display: inline-block;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--c);
      margin-right: 4px;
    }
    ul {
      margin: 0;
      padding-left: 18px;
    }
    .problem {
      color: var(--sg-danger);
    }
    .problem button {
      all: unset;
      display: block;
      cursor: pointer;
      text-decoration: underline dotted;
    }
    .problem button:focus-visible {
      box-shadow: var(--sg-focus);
    }
    .ok {
      color: var(--sg-ok);
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    td {
      padding: 2px 0;
    }
    td:last-child {
      text-align: right;
      color: var(--sg-muted);
      font-size: 11.5px;
    }
  `;

  declare editor: EditorController;

  constructor() {
    super();
    new Subscribe(this, () => [
      (r) => this.editor.selection.listen(r),
      (r) => this.editor.problems.summary.listen(r),
      (r) => this.editor.doc.listen(r),
    ]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'complementary');
    this.setAttribute('aria-label', 'Docs and inspector');
  }

  override render() {
    const ids = this.editor.selectedIds();
    const node = ids.length === 1 ? this.editor.doc.graph.nodes.find((n) => n.id === ids[0]) : undefined;
    const kind = node && this.editor.registry.get(node.type);
    return kind && node ? this.renderNode(node.id, kind) : this.renderGraph(ids.length);
  }

  private renderNode(id: string, kind: KindSpec) {
    const problems = this.editor.problems.byNode.get(id) ?? [];
    const sockets = (list: Readonly<Record<string, SocketSpec>>) =>
      html`<dl>
        ${Object.entries(list).map(
          ([key, s]) =>
            html`<dt>
                <span class="sock" style="--c:${SOCKET_COLORS[s.type]}"></span>${key}
                <small>${s.type}${s.optional ? ', optional' : ''}</small>
              </dt>
              <dd>${s.doc ?? SOCKETS[s.type].doc}</dd>`,
        )}
      </dl>`;
    return html`
      <h2>${kind.title}</h2>
      <div>
        <span class="cat" style="--cat:${categoryColor(kind.category)}">${kind.category}</span
        ><span class="type">${kind.type} · ${id}</span>
      </div>
      <p>${kind.doc}</p>
      ${
        problems.length
          ? html`<h3>Problems</h3>
              <ul>
                ${problems.map((p) => html`<li class="problem">${p.message}</li>`)}
              </ul>`
          : nothing
      }
      ${
        Object.keys(kind.inputs).length
          ? html`<h3>Inputs</h3>
              ${sockets(kind.inputs)}`
          : nothing
      }
      ${
        Object.keys(kind.outputs).length
          ? html`<h3>Outputs</h3>
              ${sockets(kind.outputs)}`
          : nothing
      }
      ${
        Object.keys(kind.params).length
          ? html`<h3>Params</h3>
              <dl>
                ${Object.entries(kind.params).map(
                  ([key, p]) =>
                    html`<dt>${p.label ?? key} <small>${describeAllowed(p)}</small></dt>
                      <dd>${p.doc}</dd>`,
                )}
              </dl>`
          : nothing
      }
    `;
  }

  private renderGraph(selected: number) {
    const graph = this.editor.doc.graph;
    const problems = this.editor.problems.summary.value.all;
    const shortcuts = this.editor.commands.all().filter((c) => c.kbd?.length);
    return html`
      <h2>${graph.name || 'Untitled'}</h2>
      ${graph.description ? html`<p>${graph.description}</p>` : nothing}
      <p class="type">
        ${graph.nodes.length} nodes · ${graph.edges.length} wires${selected ? ` · ${selected} selected` : ''}
      </p>
      <h3>Problems</h3>
      ${
        problems.length
          ? html`<ul>
              ${problems.map(
                (p) =>
                  html`<li class="problem">
                    ${p.nodeId ? html`<button @click=${() => this.goTo(p.nodeId!)}>${p.message}</button>` : p.message}
                  </li>`,
              )}
            </ul>`
          : html`<p class="ok">
              ${graph.nodes.length ? 'None — ready to run.' : 'Double-click the canvas to add a node.'}
            </p>`
      }
      <h3>Shortcuts</h3>
      <table>
        ${shortcuts.map(
          (c) =>
            html`<tr>
              <td>${c.label}</td>
              <td>${c.kbd!.map(describeChord).join(', ')}</td>
            </tr>`,
        )}
        <tr>
          <td>Add node</td>
          <td>Double-click canvas</td>
        </tr>
        <tr>
          <td>Select several</td>
          <td>Ctrl/Shift+click, Shift+drag</td>
        </tr>
      </table>
    `;
  }

  private async goTo(id: string): Promise<void> {
    this.editor.selection.replaceAll(new Map([[id, true]]));
    await this.editor.canvas?.fit([id]);
  }
}

if (!customElements.get('sg-inspector')) customElements.define('sg-inspector', SgInspector);

declare global {
  interface HTMLElementTagNameMap {
    'sg-inspector': SgInspector;
  }
}
