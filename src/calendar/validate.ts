import { weekdays, type Calendar } from './model.js';
import { minutesOf } from './working-time.js';

export interface CalendarError {
  /** Where the problem is, e.g. overrides[2].date or weekly.mon[1].to. */
  field: string;
  message: string;
}

export type CalendarValidation = { ok: true; calendar: Calendar } | { ok: false; errors: CalendarError[] };

export const CALENDAR_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const TIME = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a whole calendar and reports every problem by its path, so an admin fixes them in one go. */
export function validateCalendar(name: string, input: unknown): CalendarValidation {
  const errors: CalendarError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message: `${field}: ${message}` });
  if (!CALENDAR_NAME.test(name)) fail('name', 'must be 1–40 lower-case letters, digits, - or _');
  if (!isObj(input)) return { ok: false, errors: [...errors, { field: 'calendar', message: 'calendar: must be an object with weekly and overrides' }] };
  if (input.name !== undefined && input.name !== name) fail('name', `"${String(input.name)}" does not match the URL's "${name}"`);

  if (!isObj(input.weekly)) fail('weekly', `must give the hours of each day: ${weekdays.join(', ')}`);
  else {
    for (const key of Object.keys(input.weekly)) if (!(weekdays as readonly string[]).includes(key)) fail(`weekly.${key}`, `is not a weekday (${weekdays.join(', ')})`);
    for (const day of weekdays) ranges(`weekly.${day}`, input.weekly[day], fail, true);
  }

  if (!Array.isArray(input.overrides)) fail('overrides', 'must be a list (empty for none)');
  else {
    const dates = new Set<string>();
    input.overrides.forEach((raw, i) => {
      const at = `overrides[${i}]`;
      if (!isObj(raw)) return fail(at, 'must be an object with date and kind');
      if (typeof raw.date !== 'string' || !DATE.test(raw.date) || !isRealDate(raw.date)) fail(`${at}.date`, 'must be a date YYYY-MM-DD');
      else if (dates.has(raw.date)) fail(`${at}.date`, `${raw.date} has more than one override`);
      else dates.add(raw.date);
      if (raw.label !== undefined && (typeof raw.label !== 'string' || raw.label.length > 40)) fail(`${at}.label`, 'must be text of at most 40 characters');
      if (raw.kind === 'holiday') {
        if (raw.hours !== undefined) fail(`${at}.hours`, 'a holiday is closed all day and has no hours');
      } else if (raw.kind === 'working-day') {
        ranges(`${at}.hours`, raw.hours, fail, false);
      } else fail(`${at}.kind`, 'must be "holiday" or "working-day"');
    });
  }
  if (errors.length) return { ok: false, errors };
  const { weekly, overrides } = input as unknown as Calendar;
  return { ok: true, calendar: { name, weekly, overrides } };
}

function ranges(field: string, value: unknown, fail: (field: string, message: string) => void, mayBeEmpty: boolean): void {
  if (!Array.isArray(value)) return fail(field, 'must be a list of {from, to} ranges');
  if (!mayBeEmpty && value.length === 0) return fail(field, 'a working day needs at least one range');
  const good: Array<[number, number, number]> = [];
  value.forEach((r, i) => {
    const at = `${field}[${i}]`;
    if (!isObj(r)) return fail(at, 'must be {from, to}');
    const fromOk = typeof r.from === 'string' && TIME.test(r.from) && r.from !== '24:00';
    const toOk = typeof r.to === 'string' && TIME.test(r.to);
    if (!fromOk) fail(`${at}.from`, 'must be a time HH:MM from 00:00 to 23:59');
    if (!toOk) fail(`${at}.to`, 'must be a time HH:MM from 00:01 to 24:00');
    if (!fromOk || !toOk) return;
    const from = minutesOf(r.from as string);
    const to = minutesOf(r.to as string);
    if (from >= to) return fail(`${at}.to`, `must be after from (${String(r.from)})`);
    good.push([from, to, i]);
  });
  good.sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < good.length; k += 1) {
    if (good[k]![0] < good[k - 1]![1]) fail(`${field}[${good[k]![2]}]`, `overlaps ${field}[${good[k - 1]![2]}]`);
  }
}

function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}
