import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { Compare, type VersionRow } from './compare.js';
import { m, mk } from './text.js';

interface AuditEntry {
  id: number;
  action: string;
  username: string | null;
  at: number;
  detail: { version?: number; summary?: string };
}

const when = (ms: number) => new Date(ms).toLocaleString();

/** Every version with who saved it and when; one click rolls back; below, what changed and the change log. */
export function Versions(props: { name: string; versions: VersionRow[]; changed: number; onRollback: (version: number) => void }) {
  const [history, setHistory] = useState<AuditEntry[]>([]);
  useEffect(() => {
    void api<AuditEntry[]>('GET', `/api/audit?entity=menu&entityId=${encodeURIComponent(props.name)}&limit=30`).then(setHistory);
  }, [props.name, props.changed]);

  return (
    <section class="versions">
      <table class="grid" data-testid="versions">
        <thead>
          <tr>
            <th>{m('version')}</th>
            <th>{m('who')}</th>
            <th>{m('when')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.versions.map((v) => (
            <tr key={v.version} data-version={v.version}>
              <td>
                v{v.version} {v.published && <span class="badge ok">{m('published')}</span>}
                {v.draft && <span class="badge hold">{m('draft')}</span>}
              </td>
              <td>{v.createdByName ?? '—'}</td>
              <td>{when(v.createdAt)}</td>
              <td>
                {!v.published && !v.draft && (
                  <button type="button" class="small" onClick={() => props.onRollback(v.version)}>
                    {m('rollback')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Compare key={props.changed} name={props.name} versions={props.versions} />
      <h3>{m('history')}</h3>
      <ul class="history-log" data-testid="audit">
        {history.map((h) => (
          <li key={h.id}>
            <span class="muted small">{when(h.at)}</span> {h.username ?? '—'} · {mk('action', h.action)} v{h.detail.version}
            <div class="small">{h.detail.summary}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
