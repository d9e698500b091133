import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../shared/api.js';
import { Header } from '../shared/header.js';
import type { SessionUser } from '../shared/session.js';
import { Bars, CallsByDay, ServiceLevelTrend } from './charts.js';
import { downloadCsv } from './download.js';
import { callColumns, callGroupings, count, percent, ticketColumns, ticketGroupings, type CallFigures, type Report, type TicketFigures } from './model.js';
import { presetOf, presetRange, presets, type DayRange } from './range.js';
import { FigureTable } from './table.js';
import { Legend, Tiles } from './tiles.js';

interface Data {
  callsByDay: Report<CallFigures>;
  calls: Report<CallFigures>;
  tickets: Report<TicketFigures>;
  ticketsByChannel: Report<TicketFigures>;
  ticketsByType: Report<TicketFigures>;
  ticketsByUnit: Report<TicketFigures>;
}

const get = <F,>(kind: string, range: DayRange, by: string) => api<Report<F>>('GET', `/api/reports/${kind}?from=${range.from}&to=${range.to}&by=${by}`);
const titleOf = (groupings: readonly { by: string; label: string }[], by: string) => groupings.find((g) => g.by === by)!.label.replace(/^按/, '');

/**
 * 统计报表: the hotline's calls and tickets over a range of China days, for supervisors and
 * admins (the API refuses anyone else). The range and groupings live in the address, so a
 * director's bookmark opens on 本月 by unit.
 */
export function ReportsPage({ user }: { user: SessionUser }) {
  const params = new URLSearchParams(location.search);
  const [range, setRange] = useState<DayRange>(() =>
    params.get('from') && params.get('to') ? { from: params.get('from')!, to: params.get('to')! } : presetRange('today', Date.now()),
  );
  const [callsBy, setCallsBy] = useState(params.get('calls') ?? 'day');
  const [ticketsBy, setTicketsBy] = useState(params.get('tickets') ?? 'day');
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    history.replaceState(null, '', `${location.pathname}?from=${range.from}&to=${range.to}&calls=${callsBy}&tickets=${ticketsBy}`);
    setError(null);
    Promise.all([
      get<CallFigures>('calls', range, 'day'),
      get<CallFigures>('calls', range, callsBy),
      get<TicketFigures>('tickets', range, ticketsBy),
      get<TicketFigures>('tickets', range, 'channel'),
      get<TicketFigures>('tickets', range, 'type'),
      get<TicketFigures>('tickets', range, 'unit'),
    ]).then(
      ([callsByDay, calls, tickets, ticketsByChannel, ticketsByType, ticketsByUnit]) => setData({ callsByDay, calls, tickets, ticketsByChannel, ticketsByType, ticketsByUnit }),
      (err: unknown) => {
        setData(null);
        setError(err instanceof ApiError ? `${err.status === 403 ? '无权查看报表 Not allowed: ' : ''}${err.message}` : String(err));
      },
    );
  }, [range.from, range.to, callsBy, ticketsBy]);

  const exportCsv = (kind: string, by: string) =>
    downloadCsv(`/api/reports/${kind}?from=${range.from}&to=${range.to}&by=${by}&format=csv`, `${kind}-by-${by}-${range.from}-to-${range.to}.csv`).catch((err: unknown) =>
      setError(err instanceof ApiError ? err.message : String(err)),
    );

  const active = presetOf(range, Date.now());
  const sl = data?.calls.serviceLevelSeconds ?? 20;
  const units = data ? data.ticketsByUnit.rows.filter((r) => r.key !== null) : [];
  const worstFirst = [...units].sort((a, b) => (a.onTimeCompletionRate ?? 2) - (b.onTimeCompletionRate ?? 2));

  return (
    <div class="desk">
      <Header user={user} />
      <main class="reports">
        <section class="card range-bar no-print-controls">
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
            自 from <input type="date" name="from" value={range.from} max={range.to} onChange={(e) => setRange({ ...range, from: e.currentTarget.value })} />
          </label>
          <label>
            至 to <input type="date" name="to" value={range.to} min={range.from} onChange={(e) => setRange({ ...range, to: e.currentTarget.value })} />
          </label>
          <span class="spacer" />
          <button type="button" onClick={() => print()}>
            打印 Print
          </button>
        </section>
        <p class="print-title">
          12345 热线统计报表 · {range.from} 至 {range.to}
        </p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {data && (
          <>
            <section class="card">
              <h2>
                话务 <small>Calls</small>
              </h2>
              <Tiles figures={data.calls.total} columns={callColumns(sl)} testid="call-tiles" />
              <div class="charts">
                <figure>
                  <figcaption>每日来电与接通率 Calls by day</figcaption>
                  <CallsByDay rows={data.callsByDay.rows} />
                </figure>
                <figure>
                  <figcaption>
                    服务水平趋势 Service level ({sl} 秒)
                  </figcaption>
                  <ServiceLevelTrend rows={data.callsByDay.rows} seconds={sl} />
                </figure>
              </div>
              <div class="table-head">
                <select name="callsBy" aria-label="话务分组 calls grouping" value={callsBy} onChange={(e) => setCallsBy(e.currentTarget.value)}>
                  {callGroupings.map((g) => (
                    <option value={g.by}>{g.label}</option>
                  ))}
                </select>
                <button type="button" onClick={() => exportCsv('calls', callsBy)}>
                  导出 CSV Export
                </button>
              </div>
              <FigureTable rows={data.calls.rows} total={data.calls.total} columns={callColumns(sl)} groupTitle={titleOf(callGroupings, callsBy)} testid="calls-table" />
            </section>
            <section class="card">
              <h2>
                工单 <small>Tickets</small>
              </h2>
              <Tiles figures={data.tickets.total} columns={ticketColumns} testid="ticket-tiles" />
              <div class="charts">
                <figure>
                  <figcaption>受理渠道 Tickets by channel</figcaption>
                  <Bars testid="chart-channel" label="受理渠道 tickets by channel" items={data.ticketsByChannel.rows.map((r) => ({ label: r.label, value: r.takenIn, text: count(r.takenIn) }))} />
                  <figcaption>工单类型 Tickets by type</figcaption>
                  <Bars testid="chart-type" label="工单类型 tickets by type" items={data.ticketsByType.rows.map((r) => ({ label: r.label, value: r.takenIn, text: count(r.takenIn) }))} />
                </figure>
                <figure>
                  <figcaption>承办单位按时办结率（最差在前） On-time completion by unit, worst first</figcaption>
                  <Bars
                    testid="chart-units"
                    label="承办单位按时办结率 on-time completion by unit"
                    max={1}
                    items={worstFirst.map((r) => ({
                      label: r.label,
                      value: r.onTimeCompletionRate,
                      text: `${percent(r.onTimeCompletionRate)} · 签收 ${percent(r.onTimeSignForRate)}`,
                    }))}
                  />
                </figure>
              </div>
              <div class="table-head">
                <select name="ticketsBy" aria-label="工单分组 tickets grouping" value={ticketsBy} onChange={(e) => setTicketsBy(e.currentTarget.value)}>
                  {ticketGroupings.map((g) => (
                    <option value={g.by}>{g.label}</option>
                  ))}
                </select>
                <button type="button" onClick={() => exportCsv('tickets', ticketsBy)}>
                  导出 CSV Export
                </button>
              </div>
              <FigureTable rows={data.tickets.rows} total={data.tickets.total} columns={ticketColumns} groupTitle={titleOf(ticketGroupings, ticketsBy)} testid="tickets-table" />
            </section>
            <section class="card">
              <h2>
                指标口径 <small>Definitions</small>
              </h2>
              <Legend columns={[...callColumns(sl), ...ticketColumns]} />
            </section>
          </>
        )}
      </main>
    </div>
  );
}
