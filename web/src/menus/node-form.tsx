import type { MenuError } from '../../../src/ivr/validator.js';
import type { Catalogue } from './catalogue.js';
import { Field, ListPicker, NodePicker, NumberInput } from './fields.js';
import type { IvrNode, MenuDefinition } from './graph.js';
import { KeysEditor } from './keys-editor.js';
import { kindLabel, languageLabel } from './node-card.js';
import { PromptList } from './prompt-picker.js';
import { problemText } from './problem-text.js';
import { m, type MenuText } from './text.js';

interface Props {
  menu: MenuDefinition;
  node: IvrNode;
  errors: MenuError[];
  catalogue: Catalogue;
  onChange: (node: IvrNode) => void;
  onDelete: () => void;
  onMakeStart: () => void;
}

/** The form for one node, with the fields its kind has; every change goes straight into the draft being edited. */
export function NodeForm(props: Props) {
  const { node, menu, errors, catalogue } = props;
  // Each kind's fields are typed by the model; the form edits them through one loosely typed setter.
  const set = (field: string, value: unknown) => props.onChange({ ...node, [field]: value } as IvrNode);
  const get = (field: string) => (node as unknown as Record<string, unknown>)[field];
  const field = (name: string, text: MenuText = name as MenuText) => ({ label: m(text), errors, field: name });
  const prompts = (name: string, text: MenuText = name as MenuText) => (
    <Field {...field(name, text)} group>
      <PromptList name={name} value={get(name) as string[] | undefined} catalogue={catalogue} onChange={(v) => set(name, v)} />
    </Field>
  );
  const goesTo = (name: string, text: MenuText = name as MenuText) => (
    <Field {...field(name, text)}>
      <NodePicker name={name} menu={menu} value={(get(name) as string) ?? ''} onChange={(v) => set(name, v)} />
    </Field>
  );
  const count = (name: string, min: number, max: number) => (
    <Field {...field(name)}>
      <NumberInput name={name} min={min} max={max} value={get(name) as number} onChange={(v) => set(name, v)} />
    </Field>
  );
  const lost = errors.filter((e) => e.field === 'id' || e.field === 'kind');

  return (
    <form class="node-form" data-node-form={node.id} onSubmit={(e) => e.preventDefault()}>
      <h2>
        {kindLabel(node.kind)} <span class="muted small">{node.id}</span>
      </h2>
      {lost.map((e) => (
        <p class="field-error" key={e.message}>
          {problemText(e)}
        </p>
      ))}
      <Field {...field('label')}>
        <input name="label" value={node.label} onInput={(e) => set('label', e.currentTarget.value)} />
      </Field>
      {node.kind === 'menu' && (
        <>
          {prompts('prompt')}
          <KeysEditor menu={menu} keys={node.keys} errors={errors} onChange={(keys) => set('keys', keys)} />
          {count('timeoutSeconds', 1, 60)}
          {count('maxTries', 1, 9)}
          {prompts('timeoutPrompt')}
          {prompts('invalidPrompt')}
          {goesTo('fallback')}
        </>
      )}
      {node.kind === 'queue' && (
        <>
          <Field {...field('queue')}>
            <ListPicker name="queue" value={node.queue} options={catalogue.queues.map((q) => ({ value: q.name, label: q.title }))} onChange={(v) => set('queue', v)} />
          </Field>
          {prompts('prompt')}
        </>
      )}
      {node.kind === 'play' && (
        <>
          {prompts('prompt')}
          {goesTo('next')}
        </>
      )}
      {node.kind === 'collect' && (
        <>
          {prompts('prompt')}
          {count('minDigits', 1, 32)}
          {count('maxDigits', 1, 32)}
          <Field {...field('terminator')}>
            <select name="terminator" value={node.terminator ?? ''} onChange={(e) => set('terminator', e.currentTarget.value || null)}>
              <option value="#">#</option>
              <option value="*">*</option>
              <option value="">{m('noTerminator')}</option>
            </select>
          </Field>
          {count('timeoutSeconds', 1, 60)}
          {count('maxTries', 1, 9)}
          {prompts('invalidPrompt')}
          <Field {...field('action')}>
            <select name="action" value={node.action} disabled>
              <option value="ticket-progress">{m('action.ticket-progress')}</option>
            </select>
          </Field>
          {goesTo('next')}
        </>
      )}
      {node.kind === 'hangup' && prompts('prompt')}
      {node.kind === 'transfer' && (
        <>
          <Field {...field('target')}>
            <ListPicker name="target" value={node.target} options={catalogue.targets.map((t) => ({ value: t.code, label: t.name }))} onChange={(v) => set('target', v)} />
          </Field>
          {prompts('prompt')}
          {goesTo('fallback', 'transferFallback')}
        </>
      )}
      {node.kind === 'hours' && (
        <>
          <Field {...field('calendar')}>
            <ListPicker name="calendar" value={node.calendar} options={catalogue.calendars.map((c) => ({ value: c.name, label: c.name }))} onChange={(v) => set('calendar', v)} />
          </Field>
          {goesTo('open')}
          {goesTo('closed')}
        </>
      )}
      {node.kind === 'language' && (
        <>
          <Field {...field('language')}>
            <ListPicker name="language" value={node.language} options={languagesOf(catalogue).map((l) => ({ value: l, label: languageLabel(l) }))} onChange={(v) => set('language', v)} />
          </Field>
          {goesTo('next')}
        </>
      )}
      {node.kind === 'message' && (
        <>
          {prompts('prompt')}
          {count('maxSeconds', 5, 300)}
          {prompts('thanksPrompt')}
        </>
      )}
      <div class="form-actions">
        {menu.start !== node.id && (
          <>
            <button type="button" onClick={props.onMakeStart}>
              {m('setStart')}
            </button>
            <button type="button" class="danger" onClick={props.onDelete}>
              {m('deleteNode')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}

/** The languages recordings exist in; Mandarin and English are always offered. */
function languagesOf(catalogue: Catalogue): string[] {
  const found = new Set(['zh', 'en']);
  for (const p of catalogue.prompts ?? []) for (const l of p.languages) found.add(l.language);
  return [...found];
}
