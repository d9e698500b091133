import type { Article } from '../shared/types.js';

export type Validity = 'current' | 'future' | 'expired' | 'retired';
export const validities: Array<Validity | 'all'> = ['current', 'future', 'expired', 'retired', 'all'];

export interface Filters {
  q: string;
  category: string;
  unit: string;
  validity: Validity | 'all';
}

/** The list asks the same search the agent's desktop asks; only the filters are the staff's. */
export function listUrl(f: Filters, limit: number): string {
  const p = new URLSearchParams({ validity: f.validity, limit: String(limit) });
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.category) p.set('category', f.category);
  if (f.unit) p.set('unit', f.unit);
  return `/api/kb?${p}`;
}

/** The editor's fields as typed: empty strings, not nulls, until they are sent. */
export interface Draft {
  title: string;
  body: string;
  category: string;
  unit: string;
  validFrom: string;
  validTo: string;
}

export const emptyDraft = (category: string): Draft => ({ title: '', body: '', category, unit: '', validFrom: '', validTo: '' });

export const draftOf = (a: Article): Draft => ({ title: a.title, body: a.body, category: a.category, unit: a.unit ?? '', validFrom: a.validFrom, validTo: a.validTo ?? '' });

/** What the API takes: an empty unit or end date means none; an empty start date on a new article means today (the server's). */
export function payloadOf(d: Draft, isNew: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { title: d.title.trim(), body: d.body.trim(), category: d.category, unit: d.unit.trim() || null, validTo: d.validTo || null };
  if (d.validFrom || !isNew) out.validFrom = d.validFrom;
  return out;
}

const fields: Array<keyof Draft> = ['title', 'body', 'category', 'unit', 'validFrom', 'validTo'];

/** The field a refusal is about: schema errors read "body/title must…", the service's own "validTo: …". */
export function fieldOf(message: string): keyof Draft | null {
  const m = /^(?:body\/)?(\w+)/.exec(message);
  return m && (fields as string[]).includes(m[1]!) ? (m[1] as keyof Draft) : null;
}

/** The start of the body, as the agent's search shows an article it matched by its title. */
export const snippetOf = (body: string, width = 40) => ([...body].length > width ? `${[...body].slice(0, width).join('')}…` : body);

/** Today in China, as validity dates are written: the hotline's day, whatever the browser's zone. */
export const chinaToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Where the article as typed would stand today; the server says the same of saved ones (hit.validity). */
export function validityOf(d: Pick<Draft, 'validFrom' | 'validTo'>, retired: boolean, today = chinaToday()): Validity {
  if (retired) return 'retired';
  if (d.validFrom && d.validFrom > today) return 'future';
  if (d.validTo && d.validTo < today) return 'expired';
  return 'current';
}
