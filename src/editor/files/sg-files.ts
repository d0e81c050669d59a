/**
 * <sg-files>: the files dialogs — problems of a file that did not open (each with its node and
 * field), "replace unsaved changes?", the presets list, a share link, stored checkpoints. Draws
 * `files.dialog`; everything it shows from files is text, never HTML. Escape or the backdrop
 * closes (a replace question then counts as Cancel).
 */
import { LitElement, html, nothing } from 'lit';
import type { Problem } from '../../graph';
import { describeProvenance } from '../../runtime/checkpoints/stamp';
import { Subscribe } from '../app/subscribe';
import type { CheckpointActions } from './checkpoint-actions';
import { fileBytes, pickFiles } from './download';
import type { FileController } from './file-controller';
import type { FileDialog } from './file-dialogs';
import { filesStyles } from './sg-files-styles';

/** Problems listed before "and N more". */
const MAX_LISTED = 50;

export class SgFiles extends LitElement {
  static override properties = { files: { attribute: false }, checkpoints: { attribute: false } };
  static override styles = filesStyles;

  declare files: FileController;
  declare checkpoints: CheckpointActions;

  constructor() {
    super();
    new Subscribe(this, () => [(r) => this.files.dialog.listen(r)]);
  }

  override render() {
    const dialog = this.files?.dialog.value;
    if (!dialog) return nothing;
    return html`<div class="backdrop" @click=${this.onBackdrop} @keydown=${this.onKey}>
      <div
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="title"
        data-testid="file-dialog"
        data-kind=${dialog.kind}
      >
        ${this.renderDialog(dialog)}
      </div>
    </div>`;
  }

  protected override updated(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('[autofocus], .actions button');
    if (
      target &&
      !this.renderRoot.querySelector('.dialog')?.contains((this.renderRoot as ShadowRoot).activeElement)
    )
      target.focus();
  }

  private renderDialog(d: FileDialog) {
    switch (d.kind) {
      case 'problems':
        return this.renderProblems(d.title, d.problems);
      case 'replace':
        return html`<h2 id="title">Replace unsaved changes?</h2>
          <div class="body">
            <p>
              "${d.current}" has changes that are not saved to a file. Opening "${d.incoming}" replaces it.
            </p>
            <p class="hint">Your changes stay in this browser's autosave only until the next edit.</p>
          </div>
          <div class="actions">
            <button data-testid="replace-cancel" @click=${() => d.answer('cancel')}>Cancel</button>
            <button class="danger" data-testid="replace-discard" @click=${() => d.answer('discard')}>
              Discard changes
            </button>
            <button class="primary" autofocus data-testid="replace-save" @click=${() => d.answer('save')}>
              Save, then open
            </button>
          </div>`;
      case 'presets':
        return html`<h2 id="title">Presets</h2>
          <div class="body">
            <ul>
              ${d.presets.map(
                (p) =>
                  html`<li class="preset" data-testid="preset" data-preset=${p.id}>
                    <div class="text">
                      <div class="name">${p.name}</div>
                      <div class="description" title=${p.graph ? p.description : ''}>
                        ${p.graph ? p.description : p.problems[0]?.message}
                      </div>
                    </div>
                    <button
                      class="primary"
                      ?disabled=${!p.graph}
                      @click=${() => {
                        this.close();
                        void this.files.openPreset(p.id);
                      }}
                    >
                      Open
                    </button>
                  </li>`,
              )}
            </ul>
          </div>
          <div class="actions"><button @click=${this.close}>Close</button></div>`;
      case 'share':
        return html`<h2 id="title">${d.url ? 'Link to this graph' : 'This graph is too large for a link'}</h2>
          <div class="body">
            ${
              d.url
                ? html`<input
                    class="url"
                    readonly
                    data-testid="share-url"
                    .value=${d.url}
                    @focus=${selectAll}
                  />`
                : nothing
            }
            <p class="hint">${d.message}</p>
          </div>
          <div class="actions">
            ${
              d.url
                ? html`<button class="primary" @click=${() => void this.copy(d.url!)}>Copy</button>`
                : html`<button class="primary" @click=${() => (this.close(), this.files.save())}>
                    Save to a file
                  </button>`
            }
            <button @click=${this.close}>Close</button>
          </div>`;
      case 'checkpoints':
        return html`<h2 id="title">Load a trained model</h2>
          <div class="body">
            ${
              d.list.length
                ? html`<ul>
                    ${d.list.map(
                      (c) =>
                        html`<li class="checkpoint" data-testid="checkpoint" data-id=${c.id}>
                          <div class="text">
                            <div class="name">${c.name}</div>
                            <div class="meta">
                              ${c.id} · ${(c.bytes / 1e6).toFixed(2)} MB ·
                              ${new Date(c.savedAt).toLocaleString()}
                            </div>
                            ${
                              c.provenance
                                ? html`<div class="meta" data-testid="checkpoint-provenance">
                                    made by ${describeProvenance(c.provenance)}
                                  </div>`
                                : nothing
                            }
                          </div>
                          <button class="primary" @click=${() => this.useStored(c.id, d.target)}>Use</button>
                        </li>`,
                    )}
                  </ul>`
                : html`<p class="hint">No trained model is stored in this browser yet.</p>`
            }
            <p class="hint">
              Or load .ckpt.json + .ckpt.bin files (as the CLI writes with --save-checkpoints), or a
              .ckpt.zip.
            </p>
          </div>
          <div class="actions">
            <button data-testid="checkpoint-files" @click=${() => this.pickCheckpoint(d.target)}>
              From files…
            </button>
            <button @click=${this.close}>Close</button>
          </div>`;
    }
  }

  private renderProblems(title: string, problems: readonly Problem[]) {
    const listed = problems.slice(0, MAX_LISTED);
    return html`<h2 id="title">${title}</h2>
      <div class="body">
        <p class="hint">
          Nothing was changed. ${problems.length === 1 ? 'The problem:' : `The ${problems.length} problems:`}
        </p>
        <ul>
          ${listed.map(
            (p) =>
              html`<li class="problem" data-testid="problem">
                ${
                  p.nodeId || p.param || p.socket
                    ? html`<div class="where">
                        ${p.nodeId ? html`<span data-testid="problem-node">node ${p.nodeId}</span>` : nothing}
                        ${p.param ? html`<span data-testid="problem-param">param ${p.param}</span>` : nothing}
                        ${p.socket ? html`<span>socket ${p.socket}</span>` : nothing}
                      </div>`
                    : nothing
                }
                <div>${p.message}</div>
              </li>`,
          )}
        </ul>
        ${problems.length > MAX_LISTED ? html`<p class="more">… and ${problems.length - MAX_LISTED} more.</p>` : nothing}
      </div>
      <div class="actions"><button class="primary" @click=${this.close}>OK</button></div>`;
  }

  private async copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.files.editor.toasts.show('Link copied.');
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('input.url')?.select();
      this.files.editor.toasts.show('Copy the selected link with Ctrl+C.', 'error');
    }
  }

  private async useStored(id: string, target: string | null): Promise<void> {
    this.close();
    await this.checkpoints.useStored(id, { nodeId: target });
  }

  private async pickCheckpoint(target: string | null): Promise<void> {
    this.close();
    const picked = await pickFiles({ accept: '.json,.bin,.zip', multiple: true });
    if (!picked.length) return;
    const named = await Promise.all(picked.map(async (f) => ({ name: f.name, bytes: await fileBytes(f) })));
    await this.checkpoints.loadFiles(named, { nodeId: target });
  }

  private readonly close = () => {
    const d = this.files.dialog.value;
    if (d?.kind === 'replace') d.answer('cancel');
    else this.files.show(null);
  };

  private readonly onBackdrop = (e: MouseEvent) => {
    if (e.target === e.currentTarget) this.close();
  };

  private readonly onKey = (e: KeyboardEvent) => {
    e.stopPropagation(); // keep the editor's shortcuts out of the dialog
    if (e.key === 'Escape') this.close();
  };
}

const selectAll = (e: FocusEvent) => (e.target as HTMLInputElement).select();

if (!customElements.get('sg-files')) customElements.define('sg-files', SgFiles);

declare global {
  interface HTMLElementTagNameMap {
    'sg-files': SgFiles;
  }
}
