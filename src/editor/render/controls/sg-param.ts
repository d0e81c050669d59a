/**
 * <sg-param>: one param of a node — label with its doc on hover, the control its declaration
 * asks for, and the problem or warning that concerns it.
 *
 * @fires sg-param - { nodeId, key, value } when the user commits a new value (one undo step).
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { describeAllowed, type Json, type ParamSpec } from '../../../graph';
import { emit } from '../card-context';
import { booleanControl, choiceControl, digitsControl, textControl } from './choice-controls';
import type { ControlProps } from './control-props';
import { componentsControl, imagesControl } from './list-controls';
import { integerControl, numberControl, numberOrAutoControl, rangeControl } from './number-controls';
import { controlStyles } from './control-styles';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each template narrows its own spec kind
const CONTROLS: Record<ParamSpec['kind'], (p: ControlProps<any>) => TemplateResult> = {
  number: numberControl,
  integer: integerControl,
  numberOrAuto: numberOrAutoControl,
  range: rangeControl,
  choice: choiceControl,
  boolean: booleanControl,
  digits: digitsControl,
  text: textControl,
  components: componentsControl,
  images: imagesControl,
};

let nextId = 0;

export class SgParam extends LitElement {
  static override properties = {
    spec: { attribute: false },
    value: { attribute: false },
    key: { attribute: false },
    nodeId: { attribute: false },
    problem: { attribute: false },
    preview: { state: true },
  };
  static override styles = controlStyles;

  declare spec: ParamSpec | undefined;
  declare value: Json | undefined;
  declare key: string;
  declare nodeId: string;
  declare problem: string | undefined;
  declare preview: Json | undefined;
  private readonly controlId = `p${nextId++}`;

  constructor() {
    super();
    this.key = '';
    this.nodeId = '';
  }

  override render() {
    const spec = this.spec;
    if (!spec) return nothing;
    const value = this.value === undefined ? (spec.default as Json) : this.value;
    const label = spec.label ?? this.key;
    const props: ControlProps = {
      spec,
      value,
      id: this.controlId,
      invalid: !!this.problem,
      preview: this.preview,
      setPreview: (v) => (this.preview = v),
      commit: (v) => emit(this, 'sg-param', { nodeId: this.nodeId, key: this.key, value: v }),
    };
    return html`<div class="param kind-${spec.kind} ${this.problem ? 'invalid' : ''}">
      <label for=${this.controlId} title=${`${spec.doc}\nAllowed: ${describeAllowed(spec)}`}>${label}</label>
      <div class="control" title=${this.problem ?? nothing}>${CONTROLS[spec.kind](props)}</div>
    </div>`;
  }
}

if (!customElements.get('sg-param')) customElements.define('sg-param', SgParam);

declare global {
  interface HTMLElementTagNameMap {
    'sg-param': SgParam;
  }
}
