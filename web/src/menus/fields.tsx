import type { ComponentChildren } from 'preact';
import type { MenuError } from '../../../src/ivr/validator.js';
import { kindLabel } from './node-card.js';
import type { MenuDefinition } from './graph.js';
import { problemText } from './problem-text.js';
import { m } from './text.js';

/** Problems the validator reported for this field (`prompt` also catches `prompt[1]`). */
export const errorsFor = (errors: MenuError[], field: string) => errors.filter((e) => e.field === field || e.field.startsWith(`${field}[`));

/**
 * A labelled field that turns red and says why when the validator found a problem in it. A
 * `group` (a list of prompts with its buttons) gets a title, not a <label>: a label names only
 * its first control, and a lone "add" button would be named after the field.
 */
export function Field(props: { label: string; errors: MenuError[]; field: string; group?: boolean; children: ComponentChildren }) {
  const mine = errorsFor(props.errors, props.field);
  return (
    <div class={`field${mine.length ? ' invalid' : ''}`} data-field={props.field} role={props.group ? 'group' : undefined} aria-label={props.group ? props.label : undefined}>
      {props.group ? (
        <>
          <span class="field-title">{props.label}</span>
          {props.children}
        </>
      ) : (
        <label>
          {props.label}
          {props.children}
        </label>
      )}
      {mine.map((e) => (
        <p class="field-error" key={e.message}>
          {problemText(e)}
        </p>
      ))}
    </div>
  );
}

/** Where a caller goes next: any node of the menu, by its label, or not yet chosen. */
export function NodePicker(props: { menu: MenuDefinition; value: string; onChange: (id: string) => void; name?: string }) {
  const known = props.menu.nodes.some((n) => n.id === props.value);
  return (
    <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="">{m('choose')}</option>
      {!known && props.value && <option value={props.value}>{`${m('unknownNode')}: ${props.value}`}</option>}
      {props.menu.nodes.map((n) => (
        <option key={n.id} value={n.id}>
          {`${n.label || n.id} · ${kindLabel(n.kind)}`}
        </option>
      ))}
    </select>
  );
}

export function NumberInput(props: { value: number; onChange: (n: number) => void; name?: string; min?: number; max?: number }) {
  return (
    <input
      type="number"
      name={props.name}
      min={props.min}
      max={props.max}
      value={Number.isFinite(props.value) ? props.value : ''}
      onInput={(e) => props.onChange(e.currentTarget.value === '' ? Number.NaN : Number(e.currentTarget.value))}
    />
  );
}

/** A choice from a list the service keeps (queues, targets, calendars); a value no longer in it still shows. */
export function ListPicker(props: { name: string; value: string; options: Array<{ value: string; label: string }>; onChange: (v: string) => void }) {
  const known = props.options.some((o) => o.value === props.value);
  return (
    <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="">{m('choose')}</option>
      {!known && props.value && <option value={props.value}>{props.value}</option>}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
