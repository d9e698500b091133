import { weekdays, type Calendar, type TimeRange } from './model.js';

// Working-time arithmetic on a calendar, over instants in epoch milliseconds. Pure: the caller
// says what "now" is. Mainland China keeps one zone, UTC+8, with no daylight saving since 1991,
// so a fixed offset is exact (the recordings store files by the same local day).
export const CHINA_UTC_OFFSET_MS = 8 * 3600_000;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How far ahead to look for working time before calling a calendar empty: ten years. */
const SEARCH_DAYS = 3660;

/** The local day number (days since 1970-01-01, local) an instant falls on. */
export function localDay(instant: number, offsetMs = CHINA_UTC_OFFSET_MS): number {
  return Math.floor((instant + offsetMs) / DAY_MS);
}

/** YYYY-MM-DD of a local day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** The day's working ranges: its override if it has one, otherwise its weekday's. */
export function hoursOn(calendar: Calendar, day: number): TimeRange[] {
  const date = dateOfDay(day);
  const override = calendar.overrides.find((o) => o.date === date);
  if (override) return override.kind === 'holiday' ? [] : override.hours;
  // Day 0 (1970-01-01) was a Thursday.
  return calendar.weekly[weekdays[(day + 4) % 7]!];
}

/**
 * Each calendar object's days as worked out once: the overdue list measures thousands of
 * deadlines over the same few weeks. Calendars are values (an edit stores a new one and every
 * read makes a new object), so a day's hours never change under a calendar object.
 */
const daysOf = new WeakMap<Calendar, Map<number, Array<[number, number]>>>();

/** The day's working time as [start, end) instants, in order. */
function intervalsOn(calendar: Calendar, day: number, offsetMs: number): Array<[number, number]> {
  let days = daysOf.get(calendar);
  if (!days) daysOf.set(calendar, (days = new Map()));
  // The day number and the offset in one key: days are whole, offsets are whole minutes.
  const key = day * 1e8 + offsetMs;
  let intervals = days.get(key);
  if (!intervals) {
    const midnight = day * DAY_MS - offsetMs;
    intervals = hoursOn(calendar, day)
      .map((r): [number, number] => [midnight + minutesOf(r.from) * MINUTE_MS, midnight + minutesOf(r.to) * MINUTE_MS])
      .sort((a, b) => a[0] - b[0]);
    days.set(key, intervals);
  }
  return intervals;
}

export function isOpen(calendar: Calendar, instant: number, offsetMs = CHINA_UTC_OFFSET_MS): boolean {
  return intervalsOn(calendar, localDay(instant, offsetMs), offsetMs).some(([s, e]) => instant >= s && instant < e);
}

/**
 * The instant `minutes` of working time after `start` (a ticket's deadline, say): time outside
 * the calendar's hours does not count. Throws when the calendar has no working time in ten years.
 */
export function addWorkingMinutes(calendar: Calendar, start: number, minutes: number, offsetMs = CHINA_UTC_OFFSET_MS): number {
  if (minutes < 0) throw new RangeError('minutes must not be negative');
  let remaining = minutes * MINUTE_MS;
  if (remaining === 0) return start;
  const first = localDay(start, offsetMs);
  for (let day = first; day < first + SEARCH_DAYS; day += 1) {
    for (const [s, e] of intervalsOn(calendar, day, offsetMs)) {
      const from = Math.max(s, start);
      if (from >= e) continue;
      if (e - from >= remaining) return from + remaining;
      remaining -= e - from;
    }
  }
  throw new RangeError(`calendar "${calendar.name}" has no working time in the next ten years`);
}

/** Working minutes from `a` to `b` (negative when b is before a); fractions of a minute are kept. */
export function workingMinutesBetween(calendar: Calendar, a: number, b: number, offsetMs = CHINA_UTC_OFFSET_MS): number {
  if (b < a) return -workingMinutesBetween(calendar, b, a, offsetMs);
  let total = 0;
  for (let day = localDay(a, offsetMs); day <= localDay(b, offsetMs); day += 1) {
    for (const [s, e] of intervalsOn(calendar, day, offsetMs)) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return total / MINUTE_MS;
}
