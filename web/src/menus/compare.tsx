import { useState } from 'preact/hooks';
import type { MenuDiff } from '../../../src/menus/diff.js';
import { api, ApiError } from '../shared/api.js';
import type { MenuDefinition } from './graph.js';
import { m, type MenuText } from './text.js';

export interface VersionRow {
  version: number;
  published: boolean;
  draft: boolean;
  createdAt: number;
  createdByName: string | null;
  definition: MenuDefinition;
}

const refFields = new Set(['next', 'fallback', 'open', 'closed', 'start']);

/** A changed field in the editor's words: "按键 5", "播放的语音"; a field it has no word for shows as it is. */
const fieldText = (field: string) => {
  if (field.startsWith('keys.')) return `${m('key')} ${field.slice(5)}`;
  const words = m(field as MenuText);
  return words === undefined ? field : words;
};

/** Two versions side by side as a list of what changed, node by node. */
export function Compare(props: { name: string; versions: VersionRow[] }) {
  const newest = props.versions[0]?.version ?? 1;
  const published = props.versions.find((v) => v.published)?.version ?? newest;
  const [from, setFrom] = useState(published === newest ? (props.versions[1]?.version ?? newest) : published);
  const [to, setTo] = useState(newest);
  const [diff, setDiff] = useState<(MenuDiff & { from: number; to: number }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  const compare = async () => {
    setError(null);
    try {
      setDiff(await api('GET', `/api/menus/${encodeURIComponent(props.name)}/compare?from=${from}&to=${to}`));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  // Node ids read as their labels in the newer version (or the older, for a removed node); prompt lists as names.
  const labelOf = (id: string) => {
    const nodes = [to, from].flatMap((v) => props.versions.find((r) => r.version === v)?.definition.nodes ?? []);
    return nodes.find((n) => n.id === id)?.label ?? id;
  };
  const shown = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'string') return field.startsWith('keys.') || refFields.has(field) ? labelOf(v) : v;
    return Array.isArray(v) ? v.join('，') : JSON.stringify(v);
  };
  const picker = (name: string, value: number, set: (v: number) => void) => (
    <select name={name} value={value} onChange={(e) => set(Number(e.currentTarget.value))}>
      {props.versions.map((v) => (
        <option key={v.version} value={v.version}>
          {`v${v.version}${v.published ? ` · ${m('published')}` : ''}${v.draft ? ` · ${m('draft')}` : ''}`}
        </option>
      ))}
    </select>
  );

  return (
    <section class="compare" data-testid="compare">
      <h3>{m('compare')}</h3>
      <div class="row">
        <label>
          {m('compareFrom')}
          {picker('from', from, setFrom)}
        </label>
        <label>
          {m('compareTo')}
          {picker('to', to, setTo)}
        </label>
        <button type="button" onClick={() => void compare()}>
          {m('compare')}
        </button>
      </div>
      {error && <p class="error">{error}</p>}
      {diff && (
        <ul class="diff" data-testid="diff">
          {!diff.start && diff.nodes.length === 0 && <li class="muted">{m('noChange')}</li>}
          {diff.start && (
            <li class="changed">
              {m('startChanged')}: {labelOf(diff.start.from)} → {labelOf(diff.start.to)}
            </li>
          )}
          {diff.nodes.map((n) => (
            <li key={n.nodeId} class={n.change} data-diff-node={n.nodeId}>
              <span class="badge">{m(n.change)}</span> <strong>{n.label}</strong> <span class="muted small">{n.nodeId}</span>
              {n.change === 'changed' && (
                <ul>
                  {n.fields.map((f) => (
                    <li key={f.field}>
                      <span data-field={f.field}>{fieldText(f.field)}</span>: <del>{shown(f.field, f.from)}</del> → <ins>{shown(f.field, f.to)}</ins>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
