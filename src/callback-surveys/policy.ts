import type { Calendar } from '../calendar/model.js';
import { CHINA_UTC_OFFSET_MS, hoursOn, localDay } from '../calendar/working-time.js';

// The 智能回访's rules as pure functions of the clock, so tests pin the hours and the retries.
// Citizens are called on the hotline's working days (the ticket calendar: no calls on 国庆节,
// a 调休 Saturday is called) within the hours set, which run past the offices' own hours:
// people are easier to reach at 19:00 than at 10:00.

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Minutes after local midnight when calls may start, up to (not including) `to`. */
export interface CallWindow {
  from: number;
  to: number;
}

export interface SurveyRules {
  window: CallWindow;
  /** working-days: only days the calendar has working hours; every-day: any day. */
  days: 'working-days' | 'every-day';
  /** Calls per survey, the first included. */
  attempts: number;
  retryMinutes: number;
}

/** `HH:MM-HH:MM` → a window, or null when the text is not one (config validation names it). */
export function parseWindow(text: string): CallWindow | null {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [h1, m1, h2, m2] = m.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59 || (h2 === 24 && m2 > 0)) return null;
  const from = h1 * 60 + m1;
  const to = h2 * 60 + m2;
  return from < to ? { from, to } : null;
}

function dayAllowed(rules: SurveyRules, calendar: Calendar, day: number): boolean {
  return rules.days === 'every-day' || hoursOn(calendar, day).length > 0;
}

/** Whether a survey call may be placed at `at`. */
export function mayCall(rules: SurveyRules, calendar: Calendar, at: number): boolean {
  const day = localDay(at);
  const minute = Math.floor((at + CHINA_UTC_OFFSET_MS - day * DAY_MS) / MINUTE_MS);
  return dayAllowed(rules, calendar, day) && minute >= rules.window.from && minute < rules.window.to;
}

/** The first instant at or after `from` when a call may be placed; null when none in a year (a calendar of holidays only). */
export function nextCallTime(rules: SurveyRules, calendar: Calendar, from: number): number | null {
  if (mayCall(rules, calendar, from)) return from;
  const first = localDay(from);
  for (let day = first; day <= first + 366; day += 1) {
    const opens = day * DAY_MS - CHINA_UTC_OFFSET_MS + rules.window.from * MINUTE_MS;
    if (opens > from && dayAllowed(rules, calendar, day)) return opens;
  }
  return null;
}

export type AfterFailure = { status: 'pending'; nextAttemptAt: number } | { status: 'failed' };

/** After a failed attempt: the next try, once the retry delay has passed and calls are allowed; or failed once every attempt is used. */
export function afterFailure(rules: SurveyRules, calendar: Calendar, attemptsMade: number, now: number): AfterFailure {
  if (attemptsMade >= rules.attempts) return { status: 'failed' };
  const next = nextCallTime(rules, calendar, now + rules.retryMinutes * MINUTE_MS);
  return next === null ? { status: 'failed' } : { status: 'pending', nextAttemptAt: next };
}

/** A number a call can reach: digits, perhaps a leading +; not an extension with * or #, nor an empty or withheld one. */
export function callable(number: string): boolean {
  return /^\+?[0-9]{3,20}$/.test(number);
}
