import { t } from '../shared/i18n.js';
import { duration, useNow } from '../shared/time.js';
import type { QueueView } from '../shared/types.js';

export function QueuesTable({ queues }: { queues: QueueView[] }) {
  const now = useNow();
  return (
    <section class="card">
      <h2>{t('queues')}</h2>
      <table class="grid" data-testid="queues">
        <thead>
          <tr>
            <th>{t('queue')}</th>
            <th>{t('waiting')}</th>
            <th>{t('longestWait')}</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => {
            const oldest = q.waiting.reduce((m, w) => Math.min(m, w.enqueuedAt), now);
            return (
              <tr key={q.name} data-queue={q.name} class={q.waiting.length ? 'busy' : ''}>
                <td>{q.title}</td>
                <td data-testid="waiting-count">{q.waiting.length}</td>
                <td>{q.waiting.length ? duration((now - oldest) / 1000) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
