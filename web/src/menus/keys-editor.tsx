import type { MenuError } from '../../../src/ivr/validator.js';
import { errorsFor, NodePicker } from './fields.js';
import { phoneKeys, type MenuDefinition } from './graph.js';
import { problemText } from './problem-text.js';
import { m } from './text.js';

/** A menu's keys: each row a phone key and where it leads; keys already used are not offered twice. */
export function KeysEditor(props: { menu: MenuDefinition; keys: Record<string, string>; errors: MenuError[]; onChange: (keys: Record<string, string>) => void }) {
  const entries = Object.entries(props.keys ?? {}).sort(([a], [b]) => phoneKeys.indexOf(a) - phoneKeys.indexOf(b));
  const free = phoneKeys.filter((k) => !(k in (props.keys ?? {})));
  const rekey = (from: string, to: string) => props.onChange(Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v])));
  const retarget = (key: string, to: string) => props.onChange({ ...props.keys, [key]: to });
  const remove = (key: string) => props.onChange(Object.fromEntries(entries.filter(([k]) => k !== key)));
  return (
    <div class={`field keys${errorsFor(props.errors, 'keys').length ? ' invalid' : ''}`} data-field="keys">
      <span class="field-title">{m('keys')}</span>
      <table>
        <tbody>
          {entries.map(([key, to]) => {
            const problems = errorsFor(props.errors, `key "${key}"`);
            return (
              <tr key={key} data-key={key} class={problems.length ? 'invalid' : ''}>
                <td class="key-cell">
                  <select name={`key-${key}`} value={key} onChange={(e) => rekey(key, e.currentTarget.value)}>
                    {[key, ...free].map((k) => (
                      <option key={k} value={k}>
                        {k}
                      </option>
                    ))}
                  </select>
                </td>
                <td class="wide">
                  <NodePicker name={`key-${key}-target`} menu={props.menu} value={to} onChange={(id) => retarget(key, id)} />
                  {problems.map((p) => (
                    <p class="field-error" key={p.message}>
                      {problemText(p)}
                    </p>
                  ))}
                </td>
                <td>
                  <button type="button" class="small" onClick={() => remove(key)}>
                    {m('remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {errorsFor(props.errors, 'keys').map((e) => (
        <p class="field-error" key={e.message}>
          {problemText(e)}
        </p>
      ))}
      {free.length > 0 && (
        <button type="button" class="small" onClick={() => props.onChange({ ...props.keys, [free[0]!]: '' })}>
          ＋ {m('addKey')}
        </button>
      )}
    </div>
  );
}
