import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { t } from '../shared/i18n.js';
import { dateTime } from '../shared/time.js';
import type { CallRow } from '../shared/types.js';

const SHOWN = 5;
const link = (call?: string) => `/calls.html?undisposed=true${call ? `&call=${encodeURIComponent(call)}` : ''}`;

/**
 * 未建单通话: answered calls with neither a ticket nor a reason for none. Each is a citizen
 * who may be owed a ticket, so the supervisor sees the count all day and follows up in the
 * call log. `version` changes when an agent's state does (a call ended, a wrap-up finished).
 */
export function UndisposedCalls({ version }: { version: number }) {
  const [list, setList] = useState<{ total: number; items: CallRow[] } | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    // Tickets and reasons are saved without a socket message: look again now and then.
    const timer = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    void api<{ total: number; items: CallRow[] }>('GET', `/api/calls?undisposed=true&limit=${SHOWN}`).then(setList);
  }, [version, tick]);
  if (!list) return null;
  return (
    <section class="card undisposed-calls" data-testid="undisposed-calls">
      <h2>
        <a href={link()}>{t('undisposedCalls')}</a>
        <span class={`badge count${list.total ? ' undisposed' : ''}`} data-testid="undisposed-count">
          {list.total}
        </span>
      </h2>
      {list.total === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <table>
          <tbody>
            {list.items.map((c) => (
              <tr key={c.id} data-testid="undisposed-call">
                <td>{dateTime(c.startedAt)}</td>
                <td class="wide">
                  <a href={link(c.id)}>{c.caller}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.total > SHOWN && <a href={link()}>{t('seeAll')} →</a>}
    </section>
  );
}
