import { Bars, CallsByDay, ServiceLevelTrend } from './charts.js';
import { callColumns, callGroupings, count, percent, seconds, ticketColumns, ticketGroupings, type Overview } from './model.js';
import { FigureTable } from './table.js';
import { Legend, Tiles } from './tiles.js';

const titleOf = (groupings: readonly { by: string; label: string }[], by: string) => groupings.find((g) => g.by === by)?.label.replace(/^按/, '') ?? by;
const dayText = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`;
/** An instant as a China wall-clock time, whatever the browser's zone. */
const chinaTime = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const rangeText = (from: string, to: string) => (from === to ? `${from.slice(0, 4)}年${dayText(from)}` : `${from.slice(0, 4)}年${dayText(from)}至${to.slice(0, 4) === from.slice(0, 4) ? '' : `${to.slice(0, 4)}年`}${dayText(to)}`);

/** The figures a director asks for first, in one sentence: what the printed sheet opens with. */
export function Summary({ data }: { data: Overview }) {
  const c = data.calls.total;
  const tk = data.tickets.total;
  return (
    <section class="card summary" data-testid="summary">
      <h2>
        12345 热线统计报表 <small>{rangeText(data.from, data.to)}</small>
      </h2>
      <p>
        呼入 <b>{count(c.offered)}</b> 通，接通 <b>{count(c.answered)}</b> 通，接通率 <b>{percent(c.answerRate)}</b>，{data.serviceLevelSeconds} 秒服务水平{' '}
        <b>{percent(c.serviceLevel)}</b>，平均等待 <b>{seconds(c.averageWaitSeconds)}</b>，满意度 <b>{percent(c.surveySatisfactionRate)}</b>；受理工单{' '}
        <b>{count(tk.takenIn)}</b> 件，直接答复率 <b>{percent(tk.directAnswerRate)}</b>，按时办结率 <b>{percent(tk.onTimeCompletionRate)}</b>，办结率{' '}
        <b>{percent(tk.completionRate)}</b>，回访满意率 <b>{percent(tk.callbackSatisfactionRate)}</b>。
      </p>
    </section>
  );
}

interface SectionProps {
  data: Overview;
  by: string;
  setBy: (by: string) => void;
  exportCsv: () => void;
}

function TableHead({ name, label, by, setBy, groupings, exportCsv }: Omit<SectionProps, 'data'> & { name: string; label: string; groupings: readonly { by: string; label: string }[] }) {
  return (
    <div class="table-head">
      <label>
        分组 group by
        <select name={name} aria-label={label} value={by} onChange={(e) => setBy(e.currentTarget.value)}>
          {groupings.map((g) => (
            <option value={g.by}>{g.label}</option>
          ))}
        </select>
      </label>
      <button type="button" onClick={exportCsv}>
        导出 CSV <small>Export</small>
      </button>
    </div>
  );
}

export function CallsSection({ data, by, setBy, exportCsv }: SectionProps) {
  const columns = callColumns(data.serviceLevelSeconds);
  return (
    <section class="card">
      <h2>
        话务 <small>Calls</small>
      </h2>
      <Tiles figures={data.calls.total} columns={columns} testid="call-tiles" />
      <div class="charts">
        <figure>
          <figcaption>每日来电与接通率 Calls and answer rate by day</figcaption>
          <CallsByDay rows={data.callsByDay} />
        </figure>
        <figure>
          <figcaption>每日服务水平 Service level by day</figcaption>
          <ServiceLevelTrend rows={data.callsByDay} seconds={data.serviceLevelSeconds} />
        </figure>
      </div>
      <TableHead name="callsBy" label="话务分组 calls grouping" by={by} setBy={setBy} groupings={callGroupings} exportCsv={exportCsv} />
      <FigureTable rows={data.calls.rows} total={data.calls.total} columns={columns} groupTitle={titleOf(callGroupings, data.calls.by)} testid="calls-table" />
    </section>
  );
}

export function TicketsSection({ data, by, setBy, exportCsv }: SectionProps) {
  const units = data.ticketsByUnit.filter((r) => r.key !== null);
  const worstFirst = [...units].sort((a, b) => (a.onTimeCompletionRate ?? 2) - (b.onTimeCompletionRate ?? 2));
  const takenIn = (rows: Overview['ticketsByChannel']) => rows.map((r) => ({ label: r.label, value: r.takenIn, text: `${count(r.takenIn)} 件` }));
  return (
    <section class="card">
      <h2>
        工单 <small>Tickets</small>
        <small class="as-of" data-testid="as-of">
          区间内受理的工单截至 {chinaTime(data.asOf)} 的状态 tickets taken in on these days, as they stood then
        </small>
      </h2>
      <Tiles figures={data.tickets.total} columns={ticketColumns} testid="ticket-tiles" />
      <div class="charts">
        <figure>
          <figcaption>受理渠道 Tickets by channel（件）</figcaption>
          <Bars testid="chart-channel" label="受理渠道 tickets by channel" items={takenIn(data.ticketsByChannel)} />
          <figcaption>工单类型 Tickets by type（件）</figcaption>
          <Bars testid="chart-type" label="工单类型 tickets by type" items={takenIn(data.ticketsByType)} />
        </figure>
        <figure>
          <figcaption>承办单位按时办结率，低者在前 On-time completion by unit, worst first</figcaption>
          <Bars
            testid="chart-units"
            label="承办单位按时办结率 on-time completion by unit"
            max={1}
            valueW={160}
            items={worstFirst.map((r) => ({
              label: r.label,
              value: r.onTimeCompletionRate,
              text: `办结 ${percent(r.onTimeCompletionRate)} · 签收 ${percent(r.onTimeSignForRate)}`,
            }))}
          />
        </figure>
      </div>
      <TableHead name="ticketsBy" label="工单分组 tickets grouping" by={by} setBy={setBy} groupings={ticketGroupings} exportCsv={exportCsv} />
      <FigureTable rows={data.tickets.rows} total={data.tickets.total} columns={ticketColumns} groupTitle={titleOf(ticketGroupings, data.tickets.by)} testid="tickets-table" />
    </section>
  );
}

export function Definitions({ serviceLevelSeconds }: { serviceLevelSeconds: number }) {
  return (
    <section class="card">
      <h2>
        指标口径 <small>Definitions</small>
      </h2>
      <Legend columns={[...callColumns(serviceLevelSeconds), ...ticketColumns]} />
    </section>
  );
}
