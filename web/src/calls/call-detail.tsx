import { t, tk } from '../shared/i18n.js';
import { dateTime, duration } from '../shared/time.js';
import { recordingUrl } from '../shared/recording-url.js';
import { isUndisposed, type CallDetail } from '../shared/types.js';
import { eventWords, surveyWords, type Names } from './timeline.js';
import { hasKey, tc } from './i18n.js';

const clock = (ms: number) => new Date(ms).toLocaleTimeString('zh-CN', { hour12: false });
const secs = (ms: number | null) => (ms === null ? '—' : duration(ms / 1000));
const statusWords = (status: string) => {
  const key = `recordingStatus.${status}`;
  return hasKey(key) ? tc(key) : status;
};

/** One call as it happened: the facts, its recordings to play, what became of it, and its time line. */
export function CallDetailPanel({ call, names, flagUndisposed }: { call: CallDetail; names: Names; flagUndisposed: boolean }) {
  return (
    <div class="call-detail" data-testid="call-detail">
      <h2>
        <span class="caller">{call.caller}</span>
        <span class="badge count">{tk('outcome', call.outcome)}</span>
      </h2>
      {flagUndisposed && isUndisposed(call) && (
        <p class="flag" role="alert" data-testid="undisposed-flag">
          {t('undisposed')}：{tc('undisposedFlag')}
        </p>
      )}
      <dl class="facts">
        <dt>{tc('time')}</dt>
        <dd>{dateTime(call.startedAt)}</dd>
        <dt>{tc('dialed')}</dt>
        <dd>{call.dialed}</dd>
        <dt>{t('queue')}</dt>
        <dd>{call.queue ? names.queue(call.queue) : '—'}</dd>
        <dt>{t('agent')}</dt>
        <dd>{call.agentId !== null ? names.agent(call.agentId) : '—'}</dd>
        <dt>{t('waited')}</dt>
        <dd>{secs(call.waitMs)}</dd>
        <dt>{t('talkTime')}</dt>
        <dd>{secs(call.talkMs)}</dd>
        <dt>{tc('surveyResult')}</dt>
        <dd data-testid="survey-result">{surveyWords(call.surveyResult)}</dd>
      </dl>

      <h3>{tc('recordings')}</h3>
      {call.recordings.length === 0 ? (
        <p class="muted">{tc('noRecording')}</p>
      ) : (
        <ul class="recordings">
          {call.recordings.map((r) => (
            <li key={r.id}>
              {r.status === 'stored' ? (
                // preload=metadata: the length shows at once, the sound streams (with Range) only on play.
                <audio controls preload="metadata" src={recordingUrl(r.id)} data-testid="recording" />
              ) : (
                <span class="muted">{statusWords(r.status)}</span>
              )}
              <span class="muted">
                {clock(r.startedAt)}
                {r.durationMs !== null && ` · ${secs(r.durationMs)}`}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('ticket')}</h3>
      <div data-testid="call-ticket">
        {call.tickets.map((ticket) => (
          <p key={ticket.number} class="ticket">
            <span class="ticket-number">{ticket.number}</span> {ticket.title} <span class="badge count">{tk('status', ticket.status)}</span>
          </p>
        ))}
        {call.noTicketReason && <p>{tc('noTicketBecause', { reason: tk('noTicket', call.noTicketReason) })}</p>}
        {call.tickets.length === 0 && !call.noTicketReason && <p class="muted">{t('none')}</p>}
      </div>

      <h3>{tc('timeline')}</h3>
      <ol class="timeline" data-testid="timeline">
        {call.events.map((e) => (
          <li key={e.id} data-event={e.type}>
            <time>{clock(e.at)}</time>
            <span>{eventWords(e, names)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
