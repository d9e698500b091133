import { label, t, tk } from '../shared/i18n.js';
import { dateTime } from '../shared/time.js';
import type { Catalogue, ScreenPop } from '../shared/types.js';
import { recordingUrl } from '../shared/recording-url.js';

/** The caller's earlier tickets and calls, newest first: the agent knows at a glance if this is a repeat. */
export function History({ history, labels }: { history: ScreenPop['history']; labels: Catalogue | null }) {
  return (
    <div class="history" data-testid="history">
      <h3>{t('earlierTickets')}</h3>
      {history.tickets.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <table>
          <tbody>
            {history.tickets.map((ticket) => (
              <tr key={ticket.number} data-testid="history-ticket">
                <td>{dateTime(ticket.createdAt)}</td>
                <td>{label(labels?.types.find((l) => l.code === ticket.type), ticket.type)}</td>
                <td class="wide">{ticket.title}</td>
                <td>{tk('status', ticket.status)}</td>
                <td class="muted">{ticket.number}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('earlierCalls')}</h3>
      {history.calls.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <table>
          <tbody>
            {history.calls.map((c) => (
              <tr key={c.id} data-testid="history-call">
                <td>{dateTime(c.startedAt)}</td>
                <td>{c.queueTitle ?? c.queue ?? '—'}</td>
                <td>{tk('outcome', c.outcome)}</td>
                <td>{c.recordingId !== null && <audio controls preload="none" src={recordingUrl(c.recordingId)} data-testid="history-recording" />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
