/**
 * <sg-runs>: the Runs panel — every recorded run (when, status, backend, time, final loss, what
 * changed), two picked side by side (param differences, loss curves overlaid overall and per σ,
 * outputs next to each other) and one-click restore of a run's graph.
 */
import { LitElement, html, nothing } from 'lit';
import type { DisplayPayload, LossDisplay } from '../../nodes/display';
import { Subscribe } from '../app/subscribe';
import type { Store } from '../state/store';
import '../viewers/sg-image-grid';
import '../viewers/sg-scatter';
import { describeChange, diffGraphs, summarizeChanges } from './graph-diff';
import { finalLoss, type RunRecord } from './run-record';
import type { RunHistory } from './run-history';
import { runsStyles } from './runs-styles';
import { compareCurves } from './compare-series';
import './sg-compare-chart';

export class SgRuns extends LitElement {
  static override properties = { history: { attribute: false }, theme: { attribute: false } };
  static override styles = runsStyles;
  declare history: RunHistory;
  declare theme: Store<'light' | 'dark'>;

  constructor() {
    super();
    new Subscribe(this, () => [
      (r) => this.history.records.listen(r),
      (r) => this.history.picked.listen(r),
      (r) => this.theme.listen(r),
    ]);
  }

  override render() {
    const h = this.history;
    const records = h.records.value;
    const picked = h.pickedRecords();
    return html`
      <header>
        <h2>Runs</h2>
        <span class="muted" title="Each run keeps its graph, summaries and small thumbnails — never weights."
          >${records.length} of ${h.store.limit} kept · oldest dropped first</span
        >
        <button ?disabled=${!records.length} @click=${() => void h.clear()}>Clear</button>
        <button class="close" aria-label="Close runs" @click=${() => h.open.set(false)}>✕</button>
      </header>
      ${h.failure ? html`<p class="problem">${h.failure}</p>` : nothing}
      ${records.length ? nothing : html`<p class="muted">Every run you start is listed here. Run the graph (Ctrl+Enter).</p>`}
      <ol class="list">
        ${records.map((r) => this.row(r, picked))}
      </ol>
      ${
        picked.length === 2
          ? this.compare(picked[0], picked[1])
          : records.length > 1
            ? html`<p class="muted">Pick two runs to compare them.</p>`
            : nothing
      }
    `;
  }

  private row(r: RunRecord, picked: RunRecord[]) {
    const index = picked.indexOf(r);
    const loss = finalLoss(r);
    return html`<li class=${index >= 0 ? 'picked' : ''} data-run=${r.id}>
      <label>
        <input type="checkbox" .checked=${index >= 0} @change=${() => this.history.toggle(r.id)} />
        ${index >= 0 ? html`<b class="tag tag-${index}">${'AB'[index]}</b>` : nothing}
        <span class="when">${clock(r.startedAt)}</span>
        <span class="status ${r.status}">${r.status}</span>
        <span>${r.backend}</span>
        <span>${r.seconds.toFixed(1)} s</span>
        ${loss === null ? nothing : html`<span>loss ${loss.toPrecision(3)}</span>`}
        ${r.seed === null ? nothing : html`<span>seed ${r.seed}</span>`}
        <span class="hash" title=${`graph content hash ${r.graphHash}`}>#${r.graphHash.slice(0, 7)}</span>
      </label>
      <div class="changes" title=${r.changes.map(describeChange).join('\n')}>
        ${r.first ? 'first run recorded' : summarizeChanges(r.changes)}
      </div>
      ${this.thumbnails(r)}
      <div class="actions">
        <button data-action="restore" @click=${() => this.restore(r)}>Restore graph</button>
        <button aria-label="Delete run" @click=${() => void this.history.remove(r.id)}>✕</button>
      </div>
    </li>`;
  }

  private compare(a: RunRecord, b: RunRecord) {
    const changes = diffGraphs(a.graph, b.graph);
    const label = (r: RunRecord, i: number) => `${'AB'[i]} ${clock(r.startedAt)}`;
    const lossOf = (r: RunRecord) =>
      Object.values(r.displays).find((d): d is LossDisplay => d.kind === 'loss');
    const curves = compareCurves([a, b].map((r, i) => ({ label: label(r, i), loss: lossOf(r) })));
    const outputs = [...new Set([...Object.keys(a.displays), ...Object.keys(b.displays)])].filter(
      (id) => (a.displays[id] ?? b.displays[id]).kind !== 'loss',
    );
    return html`<section class="compare" data-testid="run-compare">
      <h3>
        A → B:
        ${changes.length ? `${changes.length} difference${changes.length > 1 ? 's' : ''}` : 'same graph'}
      </h3>
      ${
        changes.length
          ? html`<ul class="diff">
              ${changes.map((c) => html`<li>${describeChange(c)}</li>`)}
            </ul>`
          : html`<p class="muted">
              Same graph;
              ${a.backend === b.backend && a.seed === b.seed ? 'same backend and seed' : `A: ${a.backend}, seed ${a.seed} · B: ${b.backend}, seed ${b.seed}`}.
            </p>`
      }
      ${
        curves.steps.length
          ? html`<h4>Loss per logged step</h4>
              <sg-compare-chart
                .series=${curves.steps}
                .xLabel=${'step'}
                logY
                .theme=${this.theme.value}
              ></sg-compare-chart>`
          : nothing
      }
      ${
        curves.levels.length
          ? html`<h4>Mean loss per noise level</h4>
              <sg-compare-chart
                .series=${curves.levels}
                .xLabel=${curves.bySigma ? 'σ (largest left)' : 'level (1 = largest σ)'}
                ?logX=${curves.bySigma}
                logY
                .theme=${this.theme.value}
              ></sg-compare-chart>`
          : nothing
      }
      ${outputs.map(
        (id) =>
          html`<h4>${id}</h4>
            <div class="side">
              ${[a, b].map(
                (r, i) =>
                  html`<figure>
                    <figcaption>${label(r, i)}</figcaption>
                    ${this.display(r.displays[id])}
                  </figure>`,
              )}
            </div>`,
      )}
    </section>`;
  }

  /** The run's viewer outputs, small: what it made, at a glance. */
  private thumbnails(r: RunRecord) {
    const viewers = new Set(r.graph.nodes.filter((n) => n.type.startsWith('view.')).map((n) => n.id));
    const shown = Object.entries(r.displays)
      .filter(([id, d]) => viewers.has(id) && (d.kind === 'images' || d.kind === 'points'))
      .slice(0, 2);
    if (!shown.length) return nothing;
    return html`<div class="thumbs">
      ${shown.map(([id, d]) => html`<figure title=${id}>${this.display(d, 132)}</figure>`)}
    </div>`;
  }

  private display(d: DisplayPayload | undefined, width = 180) {
    if (!d) return html`<p class="muted">—</p>`;
    if (d.kind === 'images') return html`<sg-image-grid .display=${d} .width=${width}></sg-image-grid>`;
    if (d.kind === 'points') return html`<sg-scatter .display=${d} .width=${width}></sg-scatter>`;
    return nothing;
  }

  private restore(r: RunRecord): void {
    this.dispatchEvent(new CustomEvent('sg-run-restore', { detail: r, bubbles: true, composed: true }));
  }
}

function clock(time: number): string {
  const d = new Date(time);
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString() : d.toLocaleString();
}

if (!customElements.get('sg-runs')) customElements.define('sg-runs', SgRuns);

declare global {
  interface HTMLElementTagNameMap {
    'sg-runs': SgRuns;
  }
  interface HTMLElementEventMap {
    'sg-run-restore': CustomEvent<RunRecord>;
  }
}
