import { useState } from 'preact/hooks';
import { ApiError, api } from '../shared/api.js';
import { Header } from '../shared/header.js';
import { homeOf, type SessionUser } from '../shared/session.js';
import { useLatestAnswer } from '../shared/use-latest-answer.js';
import { downloadCsv } from './download.js';
import type { Overview } from './model.js';
import { presetOf, presetRange, presets, type DayRange } from './range.js';
import { CallsSection, Definitions, Summary, TicketsSection } from './sections.js';

const readers = new Set(['supervisor', 'admin']);

/**
 * 统计报表: the hotline's calls and tickets over a range of China days, for supervisors and
 * admins (the API refuses anyone else). The range and groupings live in the address, so a
 * director's bookmark opens on 本月 by unit.
 */
export function ReportsPage({ user }: { user: SessionUser }) {
  if (!readers.has(user.role)) {
    return (
      <div class="desk">
        <Header user={user} />
        <main class="reports">
          <section class="card">
            <h1>
              统计报表 <small>Reports</small>
            </h1>
            <p class="error" role="alert" data-testid="not-allowed">
              统计报表仅供班长和管理员查看。Reports are for supervisors and admins. <a href={homeOf(user)}>返回工作台 Back to your desk</a>
            </p>
          </section>
        </main>
      </div>
    );
  }
  return <Reports user={user} />;
}

function Reports({ user }: { user: SessionUser }) {
  const params = new URLSearchParams(location.search);
  const [range, setRange] = useState<DayRange>(() =>
    params.get('from') && params.get('to') ? { from: params.get('from')!, to: params.get('to')! } : presetRange('today', Date.now()),
  );
  const [callsBy, setCallsBy] = useState(params.get('calls') ?? 'day');
  const [ticketsBy, setTicketsBy] = useState(params.get('tickets') ?? 'day');
  const [data, setData] = useState<Overview | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  // Dates typed or presets clicked quickly overlap their requests: only the latest choice's answer shows.
  useLatestAnswer(
    () => {
      history.replaceState(null, '', `${location.pathname}?from=${range.from}&to=${range.to}&calls=${callsBy}&tickets=${ticketsBy}`);
      setError(null);
      setLoading(true);
      return api<Overview>('GET', `/api/reports/overview?from=${range.from}&to=${range.to}&calls=${callsBy}&tickets=${ticketsBy}`);
    },
    (overview) => {
      setData(overview);
      setLoading(false);
    },
    (err) => {
      setData(null);
      setLoading(false);
      setError(err instanceof ApiError ? `${err.status === 403 ? '无权查看报表 Not allowed: ' : ''}${err.message}` : String(err));
    },
    [range.from, range.to, callsBy, ticketsBy],
  );

  const exportCsv = (kind: string, by: string) =>
    downloadCsv(`/api/reports/${kind}?from=${range.from}&to=${range.to}&by=${by}&format=csv`, `${kind}-by-${by}-${range.from}-to-${range.to}.csv`).catch((err: unknown) =>
      setError(err instanceof ApiError ? err.message : String(err)),
    );
  const active = presetOf(range, Date.now());
  // A date input cleared or half typed has no value: keep the last whole range.
  const setDay = (end: 'from' | 'to', value: string) => value && setRange({ ...range, [end]: value });

  return (
    <div class="desk">
      <Header user={user} />
      <main class="reports" aria-busy={loading}>
        <section class="card range-bar">
          <h1>
            统计报表 <small>Reports</small>
          </h1>
          <div class="presets" role="group" aria-label="日期 range">
            {presets.map((p) => (
              <button type="button" aria-pressed={active === p.id} onClick={() => setRange(presetRange(p.id, Date.now()))}>
                {p.label}
              </button>
            ))}
          </div>
          <label>
            自 from <input type="date" name="from" value={range.from} max={range.to} onChange={(e) => setDay('from', e.currentTarget.value)} />
          </label>
          <label>
            至 to <input type="date" name="to" value={range.to} min={range.from} onChange={(e) => setDay('to', e.currentTarget.value)} />
          </label>
          <span class="spacer" />
          {loading && (
            <span class="loading" data-testid="loading">
              统计中… Loading
            </span>
          )}
          <button type="button" onClick={() => print()}>
            打印 Print
          </button>
        </section>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {data && (
          <>
            <Summary data={data} />
            <CallsSection data={data} by={callsBy} setBy={setCallsBy} exportCsv={() => exportCsv('calls', callsBy)} />
            <TicketsSection data={data} by={ticketsBy} setBy={setTicketsBy} exportCsv={() => exportCsv('tickets', ticketsBy)} />
            <Definitions serviceLevelSeconds={data.serviceLevelSeconds} />
          </>
        )}
      </main>
    </div>
  );
}
