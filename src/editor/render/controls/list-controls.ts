/** Controls for lists: mixture components, and user images dropped onto the node. */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ComponentsParam, ImagesParam, Json, MixtureComponent } from '../../../graph';
import { formatNumber, parseNumber, type ControlProps } from './control-props';

export function componentsControl(p: ControlProps<ComponentsParam>) {
  const { spec } = p;
  const list = Array.isArray(p.value) ? (p.value as unknown as MixtureComponent[]) : [];
  const commit = (next: MixtureComponent[]) => p.commit(next as unknown as Json);
  const edit =
    (index: number, change: (c: MixtureComponent, n: number) => MixtureComponent) => (e: Event) => {
      const input = e.target as HTMLInputElement;
      const n = parseNumber(input.value);
      if (n === null) return p.setPreview(undefined); // re-render restores the old text
      commit(list.map((c, i) => (i === index ? change(structuredClone(c), n) : c)));
    };
  const field = (label: string, value: number, onChange: (e: Event) => void) =>
    html`<input
      class="num tiny"
      type="text"
      inputmode="decimal"
      aria-label=${label}
      .value=${live(formatNumber(value))}
      @change=${onChange}
    />`;
  const fresh = (): MixtureComponent => ({
    mean: Array.from({ length: spec.dims }, () => 0.5),
    std: 0.1,
    weight: 1,
  });
  return html`<div class="components" id=${p.id}>
    <div class="comp-head"><span>mean</span><span>std</span><span>weight</span></div>
    ${list.map(
      (c, i) =>
        html`<div class="comp-row">
          <span class="means">
            ${c.mean.map((m, d) =>
              field(
                `component ${i + 1} mean ${d + 1}`,
                m,
                edit(i, (x, n) => ((x.mean[d] = n), x)),
              ),
            )}
          </span>
          ${field(
            `component ${i + 1} std`,
            c.std,
            edit(i, (x, n) => ((x.std = n), x)),
          )}
          ${field(
            `component ${i + 1} weight`,
            c.weight,
            edit(i, (x, n) => ((x.weight = n), x)),
          )}
          <button
            type="button"
            class="icon"
            aria-label=${`remove component ${i + 1}`}
            title="Remove"
            ?disabled=${list.length <= 1}
            @click=${() => commit(list.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>`,
    )}
    ${
      list.length < spec.maxItems
        ? html`<button type="button" class="add" @click=${() => commit([...list, fresh()])}>
            + component
          </button>`
        : nothing
    }
  </div>`;
}

/** Reads PNG/JPEG files as data URLs; other files are skipped and counted. */
export async function readImages(files: Iterable<File>): Promise<{ urls: string[]; skipped: number }> {
  const urls: string[] = [];
  let skipped = 0;
  for (const file of files) {
    if (!/^image\/(png|jpeg)$/.test(file.type)) {
      skipped++;
      continue;
    }
    urls.push(
      await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
        reader.readAsDataURL(file);
      }),
    );
  }
  return { urls, skipped };
}

export function imagesControl(p: ControlProps<ImagesParam>) {
  const { spec } = p;
  const list = Array.isArray(p.value) ? (p.value as string[]) : [];
  const note = typeof p.preview === 'string' ? p.preview : '';
  const add = async (files: FileList | null | undefined) => {
    if (!files?.length) return;
    const { urls, skipped } = await readImages(files);
    const room = spec.maxItems - list.length;
    const dropped = Math.max(0, urls.length - room);
    if (urls.length) p.commit([...list, ...urls.slice(0, Math.max(0, room))]);
    const notes = [
      skipped && `${skipped} not PNG/JPEG`,
      dropped && `${dropped} over the limit of ${spec.maxItems}`,
    ];
    p.setPreview(notes.filter(Boolean).length ? `Skipped: ${notes.filter(Boolean).join(', ')}.` : undefined);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation(); // images for this node, not a file to open
    (e.currentTarget as HTMLElement).classList.remove('over');
    void add(e.dataTransfer?.files);
  };
  const onOver = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as HTMLElement).classList.add('over');
  };
  return html`<div
    class="drop"
    id=${p.id}
    @dragover=${onOver}
    @dragleave=${(e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('over')}
    @drop=${onDrop}
  >
    ${
      list.length
        ? html`<div class="thumbs">${list.slice(0, 12).map((src) => html`<img src=${src} alt="" />`)}</div>`
        : nothing
    }
    <div class="row">
      <label class="file">
        <input
          type="file"
          accept="image/png,image/jpeg"
          multiple
          @change=${(e: Event) => void add((e.target as HTMLInputElement).files)}
        />
        ${list.length ? 'Add images' : 'Drop PNG/JPEG here or choose'}
      </label>
      ${
        list.length
          ? html`<span class="hint">${list.length}/${spec.maxItems}</span>
              <button type="button" class="icon" title="Remove all images" @click=${() => p.commit([])}>
                ✕
              </button>`
          : nothing
      }
    </div>
    ${note ? html`<div class="warning">${note}</div>` : nothing}
  </div>`;
}
