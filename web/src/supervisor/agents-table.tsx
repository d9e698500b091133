import { usePost } from '../shared/use-post.js';
import { label, t, tk } from '../shared/i18n.js';
import { duration, useNow } from '../shared/time.js';
import type { Agent, AgentState, PauseReason } from '../shared/types.js';

const states: AgentState[] = ['available', 'ringing', 'on-call', 'wrap-up', 'paused', 'offline'];

/** Every agent with state and time in state; a supervisor can force a state, e.g. sign out an agent who left. */
export function AgentsTable({ agents, reasons }: { agents: Agent[]; reasons: PauseReason[] }) {
  const now = useNow();
  const { error, post } = usePost();
  const force = (agent: Agent, action: string, body?: unknown) => post(`/api/agents/${agent.id}/${action}`, body);
  const firstReason = reasons[0]?.code;

  return (
    <section class="card">
      <h2>
        {t('agents')}
        {states.map((state) => {
          const n = agents.filter((a) => a.state === state).length;
          return n ? (
            <span key={state} class={`badge count state-${state}`}>
              {t(`state.${state}`)} {n}
            </span>
          ) : null;
        })}
      </h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <table class="grid" data-testid="agents">
        <thead>
          <tr>
            <th>{t('agent')}</th>
            <th>{t('state')}</th>
            <th>{t('since')}</th>
            <th>{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.id} data-agent={a.id} class={`state-${a.state}`}>
              <td>
                {a.name} <span class="muted">{a.endpoint}</span>
              </td>
              <td data-testid="state">
                {t(`state.${a.state}`)}
                {a.state === 'paused' && a.pauseReason ? ` · ${label(reasons.find((r) => r.code === a.pauseReason), tk('pause', a.pauseReason))}` : ''}
              </td>
              <td>{duration((now - a.stateSince) / 1000)}</td>
              <td class="actions">
                <div>
                {a.state !== 'offline' && a.state !== 'on-call' && (
                  <button type="button" onClick={force(a, 'logout')}>
                    {t('forceLogout')}
                  </button>
                )}
                {(a.state === 'available' || a.state === 'wrap-up') && firstReason && (
                  <button type="button" onClick={force(a, 'pause', { reason: firstReason })}>
                    {t('forcePause')}
                  </button>
                )}
                {a.state === 'paused' && (
                  <button type="button" onClick={force(a, 'unpause')}>
                    {t('forceAvailable')}
                  </button>
                )}
                {a.state === 'wrap-up' && (
                  <button type="button" onClick={force(a, 'ready')}>
                    {t('ready')}
                  </button>
                )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
