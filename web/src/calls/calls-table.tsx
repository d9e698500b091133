import { t, tk } from '../shared/i18n.js';
import { dateTime, duration } from '../shared/time.js';
import { isUndisposed, type CallRow } from '../shared/types.js';
import type { Names } from './timeline.js';
import { PAGE_SIZE } from './query.js';
import { tc } from './i18n.js';

const secs = (ms: number | null) => (ms === null ? '—' : duration(ms / 1000));

/** What became of the call: its ticket, the reason it has none, or a flag that it is owed one. */
export function Disposition({ call }: { call: CallRow }) {
  if (call.ticketNumber) return <span class="ticket-number">{call.ticketNumber}</span>;
  if (call.noTicketReason) return <span class="muted">{tk('noTicket', call.noTicketReason)}</span>;
  if (isUndisposed(call)) return <span class="badge undisposed">{t('undisposed')}</span>;
  return <span class="muted">—</span>;
}

export function CallsTable(props: {
  items: CallRow[];
  total: number;
  page: number;
  selected: string;
  names: Names;
  onOpen: (id: string) => void;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  return (
    <div class="calls-table">
      {props.items.length === 0 ? (
        <p class="muted">{tc('noCalls')}</p>
      ) : (
        <table class="grid">
          <thead>
            <tr>
              <th>{tc('time')}</th>
              <th>{t('caller')}</th>
              <th>{t('queue')}</th>
              <th>{t('agent')}</th>
              <th>{tc('wait')}</th>
              <th>{tc('talk')}</th>
              <th>{tc('outcome')}</th>
              <th>{tc('disposition')}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((c) => (
              <tr key={c.id} data-testid="call-row" data-call={c.id} class={c.id === props.selected ? 'selected' : ''} onClick={() => props.onOpen(c.id)}>
                <td>{dateTime(c.startedAt)}</td>
                <td class="number">
                  {/* A real button, so the row opens from the keyboard too; its click reaches the row. */}
                  <button type="button" class="link">
                    {c.caller}
                  </button>
                </td>
                <td>{c.queue ? props.names.queue(c.queue) : '—'}</td>
                <td>{c.agentId !== null ? props.names.agent(c.agentId) : '—'}</td>
                <td>{secs(c.waitMs)}</td>
                <td>{secs(c.talkMs)}</td>
                <td>{tk('outcome', c.outcome)}</td>
                <td>
                  <Disposition call={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="pager" data-testid="pager">
        <span>{tc('total', { n: props.total })}</span>
        <span class="spacer" />
        <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
          {tc('prev')}
        </button>
        <span>{tc('pageOf', { page: props.page, pages })}</span>
        <button type="button" disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)}>
          {tc('next')}
        </button>
      </div>
    </div>
  );
}
