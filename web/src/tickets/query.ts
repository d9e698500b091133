/**
 * The ticket list's tab, filters, page and open ticket live in the address, so the back button,
 * a reload and a link pasted to a colleague show the same view.
 */
export interface Filters {
  tab: string;
  q: string;
  status: string;
  unit: string;
  /** Only the unit picked (or, for a unit user, their own), not the units below it. */
  own: boolean;
  type: string;
  category: string;
  channel: string;
  deadline: string;
  /** Days as the hotline reads them, YYYY-MM-DD, both inclusive. */
  from: string;
  to: string;
  page: number;
  ticket: string;
}

export const PAGE_SIZE = 30;

const keys = ['tab', 'q', 'status', 'unit', 'type', 'category', 'channel', 'deadline', 'from', 'to', 'ticket'] as const;

export const emptyFilters = (tab: string): Filters => ({ tab, q: '', status: '', unit: '', own: false, type: '', category: '', channel: '', deadline: '', from: '', to: '', page: 1, ticket: '' });

export function filtersFromUrl(search: string, firstTab: string): Filters {
  const p = new URLSearchParams(search);
  const page = Number(p.get('page'));
  const f = emptyFilters(firstTab);
  for (const key of keys) f[key] = p.get(key) ?? f[key];
  return { ...f, own: p.get('own') === 'true', page: Number.isInteger(page) && page > 0 ? page : 1 };
}

export function filtersToUrl(f: Filters): string {
  const p = new URLSearchParams();
  for (const key of keys) if (f[key]) p.set(key, f[key]);
  if (f.own) p.set('own', 'true');
  if (f.page > 1) p.set('page', String(f.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/**
 * The tabs: presets of the API's filters. A unit works through its parts by their state
 * (待签收 → 办理中 → 已答复, or 退回); the hotline by the ticket's.
 */
export interface Tab {
  id: string;
  label: string;
  query: Record<string, string>;
}

export const unitTabs: Tab[] = [
  { id: 'sign', label: '待签收', query: { part: 'dispatched' } },
  { id: 'handling', label: '办理中', query: { part: 'handling' } },
  { id: 'replied', label: '已答复', query: { part: 'replied' } },
  { id: 'returned', label: '已退回', query: { part: 'returned' } },
  { id: 'all', label: '全部', query: {} },
];
export const hotlineTabs: Tab[] = [
  { id: 'all', label: '全部工单', query: {} },
  { id: 'todo', label: '待派单', query: { status: 'intake,returned,reopened' } },
  { id: 'review', label: '待审核', query: { status: 'replied' } },
  { id: 'callback', label: '待回访', query: { status: 'completed' } },
];

/** Local midnight of a YYYY-MM-DD day, as the API's ISO instant. */
const midnight = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
};

/** GET /api/tickets's query: the tab's preset, then the filters; `to` is the day after the last one, the API's bound being exclusive. */
export function apiQuery(f: Filters, tabs: Tab[], ownUnit: number | null): string {
  const p = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((f.page - 1) * PAGE_SIZE) });
  for (const [k, v] of Object.entries(tabs.find((t) => t.id === f.tab)?.query ?? {})) p.set(k, v);
  if (f.status) p.set('status', f.status);
  const unit = f.unit || (f.own && ownUnit ? String(ownUnit) : '');
  if (unit) p.set('unit', unit);
  if (unit && f.own) p.set('subunits', 'false');
  for (const key of ['type', 'category', 'channel', 'deadline'] as const) if (f[key]) p.set(key, f[key]);
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.from) p.set('from', midnight(f.from));
  if (f.to) p.set('to', midnight(f.to, 1));
  return `/api/tickets?${p.toString()}`;
}
