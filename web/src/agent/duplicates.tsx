import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { t, tk } from '../shared/i18n.js';
import { dateTime } from '../shared/time.js';
import type { DuplicateCandidate } from '../shared/types.js';

/** Earlier tickets the one just saved may repeat, for the agent to confirm; `version` changes on every save. */
export function Duplicates({ number, version }: { number: string; version: number }) {
  const [items, setItems] = useState<DuplicateCandidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = () => void api<DuplicateCandidate[]>('GET', `/api/tickets/${number}/duplicates`).then(setItems);
  useEffect(load, [number, version]);
  const confirm = async (other: string) => {
    setError(null);
    try {
      await api('POST', `/api/tickets/${number}/duplicates/${other}/confirm`);
      load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  if (items.length === 0) return null;
  return (
    <div class="duplicates" data-testid="duplicates">
      <h3>{t('duplicates')}</h3>
      <table>
        <tbody>
          {items.map((c) => (
            <tr key={c.number} data-testid="duplicate">
              <td class="ticket-number">{c.number}</td>
              <td>{dateTime(c.createdAt)}</td>
              <td class="wide">
                {c.title}
                <br />
                <small class="muted">
                  {c.reasons.map((r) => tk('duplicateReason', r)).join('，')} · {t('similarity')} {Math.round(c.score * 100)}%
                </small>
              </td>
              <td>
                {c.confirmed ? (
                  <span class="badge ok">{t('confirmedDuplicate')}</span>
                ) : (
                  <button type="button" onClick={() => void confirm(c.number)}>
                    {t('confirmDuplicate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
