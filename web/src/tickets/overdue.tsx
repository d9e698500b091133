import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { deadlineText, flagText, say, short, urgencyText } from './text.js';
import type { Overdue } from './types.js';

const urgencyRank: Record<string, number> = { critical: 0, urgent: 1, normal: 2 };

/**
 * 超期预警: parts near or past their deadline, the most pressing first. An overdue one not yet
 * supervised has a 督办 button (the rules supervise only a ticket past a deadline); once the
 * sweep or a person has supervised it, 已督办.
 */
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
      <p class="muted summary">
        临期与超期的承办环节 · Near and overdue：超期 {rows.filter((r) => r.flag === 'overdue').length}，临期 {rows.filter((r) => r.flag === 'near').length}
      </p>
      {error && <p class="error">{error}</p>}
      <table class="grid dense">
        <thead>
          <tr>
            <th>工单号</th>
            <th>标题</th>
            <th>紧急程度</th>
            <th>承办单位</th>
            <th>时限</th>
            <th>到期</th>
            <th>已用</th>
            <th>督办</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr data-testid="overdue-row" class={r.flag}>
              <td class="ticket-number">
                <a href={`?ticket=${r.number}`} onClick={(e) => (e.preventDefault(), onOpen(r.number))}>
                  {r.number}
                </a>
              </td>
              <td class="title" title={r.title}>
                {r.title}
              </td>
              <td>{say(urgencyText, r.urgency)}</td>
              <td class="units" title={r.unitName}>
                {r.unitName}
              </td>
              <td>
                {say(deadlineText, r.deadline)} <span class={`flag ${r.flag}`}>{say(flagText, r.flag)}</span>
              </td>
              <td class="num">{short(r.dueAt)}</td>
              <td class="num">{r.usedPercent}%</td>
              <td>
                {r.supervised ? (
                  <span class="badge hold">已督办</span>
                ) : r.flag === 'overdue' ? (
                  <button type="button" class="small" onClick={() => supervise(r.number)}>
                    督办
                  </button>
                ) : (
                  <span class="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
