import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { Header } from '../shared/header.js';
import { t } from '../shared/i18n.js';
import type { SessionUser } from '../shared/session.js';
import { useLatestAnswer } from '../shared/use-latest-answer.js';
import type { Agent, CallDetail, CallRow, QueueView } from '../shared/types.js';
import { apiQuery, filtersFromUrl, filtersToUrl, type Filters } from './query.js';
import { FilterBar } from './filter-bar.js';
import { CallsTable } from './calls-table.js';
import { CallDetailPanel } from './call-detail.js';
import { tc } from './i18n.js';
import type { Names } from './timeline.js';

/**
 * 通话记录: supervisors and admins search every call, agents their own (the API decides which).
 * The list and the open call follow the address, so the back button and shared links work.
 */
export function CallLogPage({ user }: { user: SessionUser }) {
  const [filters, setFilters] = useState<Filters>(() => filtersFromUrl(location.search));
  // The list keeps the page it was loaded for: the pager must not run ahead of the rows it shows.
  const [list, setList] = useState<{ total: number; items: CallRow[]; page: number }>({ total: 0, items: [], page: 1 });
  const [detail, setDetail] = useState<CallDetail | null>(null);
  const [agents, setAgents] = useState<Agent[]>([]);
  const [queues, setQueues] = useState<QueueView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const supervising = user.role !== 'agent';

  useEffect(() => {
    void api<Agent[]>('GET', '/api/agents').then(setAgents);
    void api<QueueView[]>('GET', '/api/queues').then(setQueues);
    const back = () => setFilters(filtersFromUrl(location.search));
    addEventListener('popstate', back);
    return () => removeEventListener('popstate', back);
  }, []);

  const show = <T,>(promise: Promise<T>, then: (value: T) => void) =>
    promise.then(then, (err: unknown) => setError(err instanceof ApiError ? err.message : String(err)));

  const query = apiQuery(filters);
  useLatestAnswer(
    () => {
      setError(null);
      const page = filters.page;
      return api<{ total: number; items: CallRow[] }>('GET', query).then((found) => ({ ...found, page }));
    },
    setList,
    (err) => setError(err instanceof ApiError ? err.message : String(err)),
    [query],
  );
  useEffect(() => {
    if (!filters.call) return setDetail(null);
    void show(api<CallDetail>('GET', `/api/calls/${encodeURIComponent(filters.call)}`), setDetail);
  }, [filters.call]);

  const go = (next: Filters) => {
    history.pushState(null, '', `${location.pathname}${filtersToUrl(next)}`);
    setFilters(next);
  };

  const names: Names = useMemo(() => {
    const agentNames = new Map(agents.map((a) => [a.id, a.name]));
    const queueTitles = new Map(queues.map((q) => [q.name, q.title]));
    return {
      agent: (id) => agentNames.get(Number(id)) ?? `${t('agent')} ${String(id ?? '?')}`,
      queue: (name) => queueTitles.get(String(name)) ?? String(name ?? ''),
    };
  }, [agents, queues]);

  return (
    <div class="desk">
      <Header user={user} />
      <main class="call-log">
        <section class="card list">
          <FilterBar filters={filters} agents={supervising ? agents : null} queues={queues} onApply={go} />
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <CallsTable
            items={list.items}
            total={list.total}
            page={list.page}
            selected={filters.call}
            names={names}
            onOpen={(call) => go({ ...filters, call })}
            onPage={(page) => go({ ...filters, page })}
          />
        </section>
        <section class="card detail">
          {detail ? <CallDetailPanel call={detail} names={names} flagUndisposed={supervising} /> : <p class="muted">{tc('pickCall')}</p>}
        </section>
      </main>
    </div>
  );
}
