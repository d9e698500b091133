import { weekdays, type Calendar, type CalendarOverride } from './model.js';

/**
 * A short line for the audit log: which weekdays' hours and which dated overrides changed,
 * e.g. "hours of sat; added 2026-10-01…2026-10-07 (7); changed 2026-10-10". A holiday range
 * is named by its ends, so a whole 国庆节 entry stays one readable line.
 */
export function summarizeCalendarChange(before: Calendar | null, after: Calendar): string {
  if (!before) return 'created';
  const parts: string[] = [];
  const days = weekdays.filter((d) => JSON.stringify(before.weekly[d]) !== JSON.stringify(after.weekly[d]));
  if (days.length) parts.push(`hours of ${days.join(', ')}`);
  const was = new Map(before.overrides.map((o) => [o.date, o]));
  const now = new Map(after.overrides.map((o) => [o.date, o]));
  const added = [...now.keys()].filter((d) => !was.has(d));
  const removed = [...was.keys()].filter((d) => !now.has(d));
  const changed = [...now.keys()].filter((d) => was.has(d) && !sameOverride(was.get(d)!, now.get(d)!));
  if (added.length) parts.push(`added ${dates(added)}`);
  if (removed.length) parts.push(`removed ${dates(removed)}`);
  if (changed.length) parts.push(`changed ${dates(changed)}`);
  return parts.length ? parts.join('; ') : 'no change';
}

function sameOverride(a: CalendarOverride, b: CalendarOverride): boolean {
  const key = (o: CalendarOverride) => JSON.stringify([o.kind, o.label ?? '', o.kind === 'working-day' ? o.hours : []]);
  return key(a) === key(b);
}

function dates(list: string[]): string {
  const sorted = [...list].sort();
  return sorted.length <= 2 ? sorted.join(', ') : `${sorted[0]}…${sorted[sorted.length - 1]} (${sorted.length})`;
}
