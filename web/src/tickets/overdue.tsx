import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { deadlineText, flagText, say, when } from './text.js';
import type { Overdue } from './types.js';

const urgencyRank: Record<string, number> = { 'very-urgent': 0, urgent: 1, normal: 2 };

/** 超期预警: parts near or past their deadline, the most pressing first, each with a 督办 button. */
export function OverduePanel({ onOpen }: { onOpen: (number: string) => void }) {
  const [rows, setRows] = useState<Overdue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = () => api<Overdue[]>('GET', '/api/tickets/overdue').then(setRows, (err: unknown) => setError(String(err)));
  useEffect(() => void load(), []);

  const supervise = async (number: string) => {
    setError(null);
    try {
      await api('POST', `/api/tickets/${number}/supervise`, { note: '超期督办' });
      await load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  const sorted = [...rows].sort(
    (a, b) => (a.flag === b.flag ? 0 : a.flag === 'overdue' ? -1 : 1) || (urgencyRank[a.urgency] ?? 9) - (urgencyRank[b.urgency] ?? 9) || b.usedPercent - a.usedPercent,
  );
  return (
    <section data-testid="overdue" id="overdue">
      <h2>
        超期预警 <span class="muted">Near and overdue ({rows.length})</span>
      </h2>
      {error && <p class="error">{error}</p>}
      <table class="list">
        <thead>
          <tr>
            <th>工单</th>
            <th>承办单位</th>
            <th>时限</th>
            <th>到期</th>
            <th>已用</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr data-testid="overdue-row" class={r.flag}>
              <td>
                <a href={`?ticket=${r.number}`} onClick={(e) => (e.preventDefault(), onOpen(r.number))}>
                  {r.number}
                </a>
                <div class="muted">{r.title}</div>
              </td>
              <td>{r.unitName}</td>
              <td>
                {say(deadlineText, r.deadline)} <span class={`flag ${r.flag}`}>{say(flagText, r.flag)}</span>
              </td>
              <td>{when(r.dueAt)}</td>
              <td>{r.usedPercent}%</td>
              <td>{r.supervised ? <span class="badge hold">已督办</span> : <button onClick={() => supervise(r.number)}>督办</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
