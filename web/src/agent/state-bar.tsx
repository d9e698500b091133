import { useState } from 'preact/hooks';
import { usePost } from '../shared/use-post.js';
import { label, t, tk } from '../shared/i18n.js';
import { duration, useNow } from '../shared/time.js';
import type { Agent, PauseReason } from '../shared/types.js';

/** The agent's state, how long they have been in it, and the buttons that change it. */
export function StateBar({ agent, reasons, wrapUpSeconds }: { agent: Agent; reasons: PauseReason[]; wrapUpSeconds: number }) {
  const now = useNow();
  const [reason, setReason] = useState('');
  const { error, post } = usePost();
  const act = (action: string, body?: unknown) => post(`/api/agents/${agent.id}/${action}`, body);
  const inState = (now - agent.stateSince) / 1000;
  const pauseLabel = agent.pauseReason ? label(reasons.find((r) => r.code === agent.pauseReason), tk('pause', agent.pauseReason)) : '';
  const s = agent.state;

  return (
    <section class={`state-bar state-${s}`}>
      <span class="state-badge" data-testid="agent-state">
        {t(`state.${s}`)}
        {s === 'paused' && pauseLabel ? ` · ${pauseLabel}` : ''}
      </span>
      {s === 'wrap-up' && inState >= wrapUpSeconds ? (
        <span class="countdown owed" data-testid="wrap-up-countdown">
          {t('wrapUpOwed')}
        </span>
      ) : s === 'wrap-up' ? (
        <span class="countdown" data-testid="wrap-up-countdown">
          {t('wrapUpLeft')} {duration(wrapUpSeconds - inState)}
        </span>
      ) : (
        <span class="muted">
          {t('inState')} {duration(inState)}
        </span>
      )}
      <span class="spacer" />
      {s === 'offline' && (
        <button type="button" class="primary" onClick={act('login')}>
          {t('signIn')}
        </button>
      )}
      {s === 'paused' && (
        <button type="button" class="primary" onClick={act('unpause')}>
          {t('setAvailable')}
        </button>
      )}
      {s === 'wrap-up' && (
        <button type="button" class="primary" onClick={act('ready')}>
          {t('ready')}
        </button>
      )}
      {(s === 'available' || s === 'wrap-up' || s === 'paused') && (
        <span class="pause">
          <select aria-label={t('pauseReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
            <option value="">{t('pauseReason')}…</option>
            {reasons.map((r) => (
              <option key={r.code} value={r.code}>
                {label(r)}
              </option>
            ))}
          </select>
          <button type="button" disabled={!reason} onClick={act('pause', { reason })}>
            {t('setPaused')}
          </button>
        </span>
      )}
      {(s === 'available' || s === 'paused' || s === 'wrap-up') && (
        <button type="button" onClick={act('logout')}>
          {t('signOut')}
        </button>
      )}
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </section>
  );
}
