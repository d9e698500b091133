import { useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { t, tk } from '../shared/i18n.js';
import type { ScreenPop } from '../shared/types.js';

const reasons = ['wrong-number', 'silent', 'repeat', 'prank', 'test', 'transferred-out'];

/** An answered call ends with a ticket or with the reason it has none; a repeat call names the ticket it repeats. */
export function NoTicket({ call }: { call: ScreenPop }) {
  const [reason, setReason] = useState('');
  const [related, setRelated] = useState(call.history.tickets[0]?.number ?? '');
  const [done, setDone] = useState<string | null>(call.noTicketReason);
  const [error, setError] = useState<string | null>(null);
  if (done) {
    return (
      <p class="no-ticket" data-testid="no-ticket-done">
        <span class="badge hold">
          {t('noTicket')}：{tk('noTicket', done)}
        </span>
      </p>
    );
  }
  const submit = async () => {
    setError(null);
    try {
      await api('POST', `/api/calls/${call.callId}/no-ticket`, { reason, ...(reason === 'repeat' && related ? { relatedTicket: related } : {}) });
      setDone(reason);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <div class="no-ticket">
      <select aria-label={t('noTicket')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} name="noTicketReason">
        <option value="">{t('noTicket')}…</option>
        {reasons.map((r) => (
          <option key={r} value={r}>
            {tk('noTicket', r)}
          </option>
        ))}
      </select>
      {reason === 'repeat' && (
        <select aria-label={t('repeatOf')} value={related} onChange={(e) => setRelated(e.currentTarget.value)} name="relatedTicket">
          {call.history.tickets.map((ticket) => (
            <option key={ticket.number} value={ticket.number}>
              {ticket.number} {ticket.title}
            </option>
          ))}
        </select>
      )}
      <button type="button" disabled={!reason} onClick={() => void submit()}>
        {t('noTicketConfirm')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
