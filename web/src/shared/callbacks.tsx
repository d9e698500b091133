import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { t, tk } from './i18n.js';
import { dateTime } from './time.js';
import { usePost } from './use-post.js';
import { recordingUrl } from './recording-url.js';
import type { CallbackFailedNotice, CallbackRequest } from './types.js';

/**
 * 待回拨: citizens who gave up waiting or asked to be called back, oldest first. An agent
 * calls one back with a click (their phone rings first); anyone may mark one done.
 * `version` changes whenever the service says the list changed.
 */
export function Callbacks({ version, canCall, notice }: { version: number; canCall: boolean; notice?: CallbackFailedNotice | null }) {
  const [items, setItems] = useState<CallbackRequest[]>([]);
  const { error, post } = usePost();
  useEffect(() => {
    void api<CallbackRequest[]>('GET', '/api/callbacks').then(setItems);
  }, [version]);
  return (
    <section class="card callbacks" data-testid="callbacks">
      <h2>
        {t('callbacks')} <span class="badge count">{items.length}</span>
      </h2>
      {notice && (
        <p class="error" role="alert" data-testid="callback-failed">
          {notice.number} {t('callbackFailed')}（{t(notice.side === 'agent' ? 'callbackSideAgent' : 'callbackSideCitizen')}：{tk('callbackFail', notice.reason)}）
        </p>
      )}
      {items.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <table>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-testid="callback">
                <td>{dateTime(c.createdAt)}</td>
                <td class="number">{c.number}</td>
                <td class="wide">
                  {tk('callbackReason', c.reason)}
                  {c.recordingId !== null && <audio controls preload="none" src={recordingUrl(c.recordingId)} data-testid="callback-message" />}
                </td>
                <td>
                  {canCall && (
                    <button type="button" class="primary" onClick={post(`/api/callbacks/${c.id}/call`)}>
                      {t('callBack')}
                    </button>
                  )}{' '}
                  <button type="button" onClick={post(`/api/callbacks/${c.id}/done`)}>
                    {t('callbackDone')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
