import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { Header } from '../shared/header.js';
import type { SessionUser } from '../shared/session.js';
import { useLatestAnswer } from '../shared/use-latest-answer.js';
import { OverduePanel } from './overdue.js';
import { TicketDetailPanel } from './detail.js';
import { FilterBar } from './filter-bar.js';
import { apiQuery, filtersFromUrl, filtersToUrl, hotlineTabs, unitTabs, type Filters } from './query.js';
import { TicketTable } from './ticket-table.js';
import type { Catalogue, TicketListItem, Unit } from './types.js';

interface ListPage {
  total: number;
  totalCapped: boolean;
  items: TicketListItem[];
  page: number;
}

/** The unit and every unit below it, in tree order: what a unit user may filter by. */
function subtree(all: Unit[], root: number): Unit[] {
  const ids = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of all) if (u.parentId != null && ids.has(u.parentId) && !ids.has(u.id)) (ids.add(u.id), (grew = true));
  }
  return all.filter((u) => ids.has(u.id));
}

/**
 * 工单管理: the ticket list with its filters beside the open ticket. Hotline staff see every ticket
 * (supervisors also the 超期预警 list); a handling unit's user works from their inbox: the
 * tickets of their unit and the units below it, by the state of the unit's part.
 */
export function TicketsPage({ user }: { user: SessionUser }) {
  const isUnit = user.role === 'unit';
  const lead = user.role === 'supervisor' || user.role === 'admin';
  const tabs = isUnit ? unitTabs : [...hotlineTabs, ...(lead ? [{ id: 'overdue', label: '超期预警', query: {} }] : [])];
  const [filters, setFilters] = useState<Filters>(() => filtersFromUrl(location.search, tabs[0]!.id));
  // The list keeps the page it was loaded for: the pager must not run ahead of the rows it shows.
  const [list, setList] = useState<ListPage>({ total: 0, totalCapped: false, items: [], page: 1 });
  const [units, setUnits] = useState<Unit[]>([]);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const ownUnit = isUnit ? (user.unitId ?? null) : null;

  useEffect(() => {
    void api<Catalogue>('GET', '/api/tickets/catalogue').then(setCatalogue);
    void api<Unit[]>('GET', '/api/units').then((all) => {
      const ordered = [...all].sort((a, b) => a.path.join('›').localeCompare(b.path.join('›'), 'zh'));
      setUnits(ownUnit ? subtree(ordered, ownUnit) : ordered);
    });
    const back = () => setFilters(filtersFromUrl(location.search, tabs[0]!.id));
    addEventListener('popstate', back);
    return () => removeEventListener('popstate', back);
  }, []);

  const query = apiQuery(filters, tabs, ownUnit);
  useLatestAnswer(
    () => {
      if (filters.tab === 'overdue') return;
      setError(null);
      const page = filters.page;
      return api<Omit<ListPage, 'page'>>('GET', query).then((found) => ({ ...found, page }));
    },
    setList,
    (err) => setError(err instanceof ApiError ? err.message : String(err)),
    [query, filters.tab, reloads],
  );

  const go = (next: Filters) => {
    history.pushState(null, '', `${location.pathname}${filtersToUrl(next)}`);
    setFilters(next);
  };
  const open = (ticket: string) => go({ ...filters, ticket });

  return (
    <div class="desk">
      <Header user={user} />
      <div class="tickets">
        <section class="card list">
          <nav class="tabs" role="tablist">
            <strong>{isUnit ? '承办工单 · Inbox' : '工单 · Tickets'}</strong>
            {tabs.map((t) => (
              <button type="button" role="tab" aria-selected={filters.tab === t.id} onClick={() => go({ ...filters, tab: t.id, page: 1 })}>
                {t.label}
              </button>
            ))}
          </nav>
          {filters.tab === 'overdue' ? (
            <OverduePanel onOpen={open} />
          ) : (
            <>
              <FilterBar filters={filters} units={units} catalogue={catalogue} ownUnit={isUnit && units.length > 1} onApply={go} />
              {error && (
                <p class="error" role="alert">
                  {error}
                </p>
              )}
              <TicketTable items={list.items} mine={isUnit ? new Set(units.map((u) => u.id)) : null} total={list.total} totalCapped={list.totalCapped} page={list.page} open={filters.ticket} onOpen={open} onPage={(page) => go({ ...filters, page })} />
            </>
          )}
        </section>
        <main class="card detail">
          {filters.ticket ? (
            <TicketDetailPanel key={filters.ticket} number={filters.ticket} user={user} onOpen={open} onChanged={() => setReloads((n) => n + 1)} />
          ) : (
            <p class="muted">在左侧选择一张工单 · Pick a ticket</p>
          )}
        </main>
      </div>
    </div>
  );
}
