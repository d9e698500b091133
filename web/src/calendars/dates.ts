import { weekdays, type Weekday } from '../../../src/calendar/model.js';
import { CHINA_UTC_OFFSET_MS, dateOfDay, localDay } from '../../../src/calendar/working-time.js';

// Dates as the server's working-time module counts them: local day numbers, China time, so
// the page and the IVR agree on which day an instant is.
const DAY_MS = 86_400_000;

/** Monday first, as Chinese calendars are printed. */
export const mondayFirst: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function dayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
}

export function weekdayOf(day: number): Weekday {
  return weekdays[new Date(day * DAY_MS).getUTCDay()]!;
}

export const today = (now = Date.now()): string => dateOfDay(localDay(now, CHINA_UTC_OFFSET_MS));

/** Every date from `from` to `to`, both included; null when the range is backwards or longer than `max` days. */
export function datesBetween(from: string, to: string, max = 31): string[] | null {
  const first = dayOf(from);
  const last = dayOf(to);
  if (Number.isNaN(first) || Number.isNaN(last) || last < first || last - first >= max) return null;
  return Array.from({ length: last - first + 1 }, (_, i) => dateOfDay(first + i));
}

/** The month's days, padded with nulls so the first falls in its Monday-first column. */
export function monthGrid(month: string): Array<number | null> {
  const first = dayOf(`${month}-01`);
  const [y, m] = month.split('-').map(Number);
  const length = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  const pad = mondayFirst.indexOf(weekdayOf(first));
  return [...Array<null>(pad).fill(null), ...Array.from({ length }, (_, i) => first + i)];
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1 + by, 1)).toISOString().slice(0, 7);
}
