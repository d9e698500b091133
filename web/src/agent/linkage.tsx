import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { t, tk } from '../shared/i18n.js';
import { duration, useNow } from '../shared/time.js';
import type { LinkageFailedNotice, LinkageTarget, LinkageView } from '../shared/types.js';

type Mode = LinkageView['mode'];
const modes: Mode[] = ['three-way', 'consult', 'transfer'];

/**
 * 联动: one row per partner (110, 12315…) with a key for each way of bringing them in; while
 * one is on the call, what can be done with it now.
 */
export function Linkage({ linkage, notice, control }: { linkage: LinkageView | null; notice: LinkageFailedNotice | null; control: (action: string, body?: unknown) => () => Promise<void> }) {
  const [targets, setTargets] = useState<LinkageTarget[]>([]);
  const now = useNow();
  useEffect(() => {
    void api<LinkageTarget[]>('GET', '/api/linkage-targets').then(setTargets);
  }, []);

  if (linkage) {
    const connected = linkage.state === 'connected';
    return (
      <div class="linkage active" data-testid="linkage">
        <strong>{linkage.name}</strong>
        <span class="badge ok">{tk('mode', linkage.mode)}</span>
        <span data-testid="linkage-state">
          {tk('linkState', linkage.state)} {duration((now - linkage.since) / 1000)}
        </span>
        <span class="spacer" />
        {connected && linkage.mode === 'consult' && (
          <>
            <button type="button" class="primary" onClick={control('linkage/join')}>
              {t('linkJoin')}
            </button>
            <button type="button" onClick={control('linkage/leave')}>
              {t('linkComplete')}
            </button>
          </>
        )}
        {connected && linkage.mode === 'three-way' && (
          <button type="button" onClick={control('linkage/leave')}>
            {t('linkLeave')}
          </button>
        )}
        <button type="button" class="danger" onClick={control('linkage/drop')}>
          {connected && linkage.mode !== 'consult' ? t('linkDrop') : t('linkCancel')}
        </button>
      </div>
    );
  }
  return (
    <div class="linkage">
      {notice && (
        <p class="error" role="alert" data-testid="linkage-failed">
          {notice.name} {t('linkFailed')}（{tk('linkFail', notice.reason)}），{notice.mode === 'transfer' ? t('linkFailedQueued') : t('linkFailedBack')}
        </p>
      )}
      <h3>{t('linkage')}</h3>
      <table class="targets">
        <tbody>
          {targets.map((target) => (
            <tr key={target.code}>
              <th>{target.name}</th>
              {modes.map((mode) => (
                <td key={mode}>
                  <button type="button" data-testid={`link-${target.code}-${mode}`} onClick={control('linkage', { target: target.code, mode })}>
                    {tk('mode', mode)}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
