import { usePost } from '../shared/use-post.js';
import { t, tk } from '../shared/i18n.js';
import { duration, useNow } from '../shared/time.js';
import type { Agent, Catalogue, LinkageFailedNotice, ScreenPop } from '../shared/types.js';
import { History } from './history.js';
import { Transfer } from './transfer.js';
import { Linkage } from './linkage.js';

/** The screen-pop: who is calling and what they chose; once answered, the call with its controls. */
export function CallPanel({ call, agent, catalogue, notice }: { call: ScreenPop | null; agent: Agent | null; catalogue: Catalogue | null; notice: LinkageFailedNotice | null }) {
  const now = useNow();
  const { error, post } = usePost();
  if (!call) return <section class="card call-panel muted" data-testid="no-call">{t('noCall')}</section>;

  // The pop is sent the instant the agent is chosen and may beat the state change to ringing.
  const ringing = call.answeredAt === null && (agent?.state === 'available' || (agent?.state === 'ringing' && agent.currentCallId === call.callId));
  const active = agent?.state === 'on-call' && agent.currentCallId === call.callId;
  const heading = ringing ? t('incoming') : active ? t('activeCall') : t('lastCall');
  const control = (action: string, body?: unknown) => post(`/api/calls/${call.callId}/${action}`, body);
  const failed = notice?.callId === call.callId ? notice : null;

  return (
    <section class={`card call-panel ${ringing ? 'ringing' : ''}`} data-testid="screen-pop">
      <h2>
        {heading}
        {active && call.held && <span class="badge hold">{t('onHold')}</span>}
      </h2>
      <dl class="facts">
        <dt>{t('caller')}</dt>
        <dd class="caller" data-testid="caller">
          {call.caller}
        </dd>
        <dt>{t('ivrPath')}</dt>
        <dd data-testid="ivr-path">{call.path.length ? call.path.join(' → ') : t('none')}</dd>
        <dt>{t('queue')}</dt>
        <dd>{call.queueTitle ?? call.queue ?? t('none')}</dd>
        <dt>{t('waited')}</dt>
        <dd>{duration(ringing && call.enqueuedAt ? (now - call.enqueuedAt) / 1000 : call.waitedSeconds)}</dd>
        {call.answeredAt !== null && (
          <>
            <dt>{t('talkTime')}</dt>
            <dd data-testid="talk-timer">{active ? duration((now - call.answeredAt) / 1000) : '—'}</dd>
          </>
        )}
      </dl>
      {active && (
        <div class="controls">
          {call.held ? (
            <button type="button" class="primary" onClick={control('resume')}>
              {t('resume')}
            </button>
          ) : (
            <button type="button" onClick={control('hold')}>
              {t('hold')}
            </button>
          )}
          <button type="button" class="danger" onClick={control('hangup')}>
            {t('hangup')}
          </button>
          {!call.linkage && <Transfer onTransfer={(target) => control('transfer', target)()} self={agent?.id ?? 0} />}
        </div>
      )}
      {active && <Linkage linkage={call.linkage} notice={failed} control={control} />}
      {!active && failed?.mode === 'transfer' && (
        <p class="error" role="alert" data-testid="linkage-failed">
          {failed.name} {t('linkFailed')}（{tk('linkFail', failed.reason)}），{t('linkFailedQueued')}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <History history={call.history} labels={catalogue} />
    </section>
  );
}
