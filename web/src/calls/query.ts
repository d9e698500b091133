/**
 * The call log's filters live in the page's address, so a link (the supervisor's "未建单通话",
 * a call pasted to a colleague) opens the same view.
 */
export interface Filters {
  /** Days as the hotline reads them, YYYY-MM-DD in local time, both inclusive. */
  from: string;
  to: string;
  caller: string;
  agentId: string;
  queue: string;
  outcome: string;
  undisposed: boolean;
  page: number;
  /** The call whose detail is open. */
  call: string;
}

export const PAGE_SIZE = 20;

export const emptyFilters: Filters = { from: '', to: '', caller: '', agentId: '', queue: '', outcome: '', undisposed: false, page: 1, call: '' };

export function filtersFromUrl(search: string): Filters {
  const p = new URLSearchParams(search);
  const page = Number(p.get('page'));
  return {
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    caller: p.get('caller') ?? '',
    agentId: p.get('agentId') ?? '',
    queue: p.get('queue') ?? '',
    outcome: p.get('outcome') ?? '',
    undisposed: p.get('undisposed') === 'true',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    call: p.get('call') ?? '',
  };
}

export function filtersToUrl(f: Filters): string {
  const p = new URLSearchParams();
  for (const key of ['from', 'to', 'caller', 'agentId', 'queue', 'outcome', 'call'] as const) if (f[key]) p.set(key, f[key]);
  if (f.undisposed) p.set('undisposed', 'true');
  if (f.page > 1) p.set('page', String(f.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Local midnight of a YYYY-MM-DD day, as the API's ISO instant. */
const midnight = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
};

/** GET /api/calls's query for these filters: `to` is the day after the last one, the API's bound being exclusive. */
export function apiQuery(f: Filters): string {
  const p = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((f.page - 1) * PAGE_SIZE) });
  if (f.from) p.set('from', midnight(f.from));
  if (f.to) p.set('to', midnight(f.to, 1));
  if (f.caller.trim()) p.set('caller', f.caller.trim());
  if (f.agentId) p.set('agentId', f.agentId);
  if (f.queue) p.set('queue', f.queue);
  if (f.outcome) p.set('outcome', f.outcome);
  if (f.undisposed) p.set('undisposed', 'true');
  return `/api/calls?${p.toString()}`;
}
