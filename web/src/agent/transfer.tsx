import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { t } from '../shared/i18n.js';
import type { Agent, QueueView } from '../shared/types.js';

type Target = { queue: string } | { agentId: number };

/** Blind transfer: pick a queue, or an agent who is free right now. */
export function Transfer({ onTransfer, self }: { onTransfer: (target: Target) => void; self: number }) {
  const [queues, setQueues] = useState<QueueView[]>([]);
  const [agents, setAgents] = useState<Agent[]>([]);
  const [choice, setChoice] = useState('');
  useEffect(() => {
    void api<QueueView[]>('GET', '/api/queues').then(setQueues);
    void api<Agent[]>('GET', '/api/agents').then((list) => setAgents(list.filter((a) => a.id !== self && a.state === 'available')));
  }, [self]);

  const submit = () => {
    const [kind, value] = choice.split(':');
    if (kind === 'queue' && value) onTransfer({ queue: value });
    if (kind === 'agent' && value) onTransfer({ agentId: Number(value) });
  };
  return (
    <span class="transfer">
      <select aria-label={t('transferTo')} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
        <option value="">{t('transferTo')}…</option>
        <optgroup label={t('toQueue')}>
          {queues.map((q) => (
            <option key={q.name} value={`queue:${q.name}`}>
              {q.title}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('toAgent')}>
          {agents.map((a) => (
            <option key={a.id} value={`agent:${a.id}`}>
              {a.name}
            </option>
          ))}
        </optgroup>
      </select>
      <button type="button" disabled={!choice} onClick={submit}>
        {t('transfer')}
      </button>
    </span>
  );
}
