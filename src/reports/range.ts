import { CHINA_UTC_OFFSET_MS as CHINA_OFFSET_MS } from '../calendar/working-time.js';
import { DAY_MS } from '../db/china-day.js';
import { errors } from '../errors.js';

// The hotline's days are China's: a day runs from 00:00 to 24:00 Asia/Shanghai (UTC+8, no summer time).
/** A year's report, leap years included; longer ranges are a batch job, not a request. */
export const MAX_DAYS = 366;

export interface ReportRange {
  /** First day, YYYY-MM-DD, China time. */
  from: string;
  /** Last day, inclusive. */
  to: string;
  /** 00:00 China time on `from`, epoch ms. */
  fromMs: number;
  /** 00:00 China time on the day after `to`: the range is [fromMs, toMs). */
  toMs: number;
  /** The range as China day numbers, [fromDay, toDay). */
  fromDay: number;
  toDay: number;
  /** Every day of the range, in order. */
  days: string[];
}

/** The China day an instant falls on. */
export const chinaDay = (ms: number): string => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** The China day numbered `n` (db/china-day.ts numbers them). */
export const chinaDayNumbered = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Midnight China time at the start of `day`, or null when `day` is not a real date (2026-02-30). */
function startOf(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(utc).toISOString().slice(0, 10) === day ? utc - CHINA_OFFSET_MS : null;
}

/** Checks a report's `from` and `to` (both inclusive days); a bad one is a 400 naming it. */
export function parseRange(from: string, to: string): ReportRange {
  const fromMs = startOf(from);
  if (fromMs === null) throw new errors.InvalidInput(`from: ${from} is not a date (YYYY-MM-DD)`);
  const lastMs = startOf(to);
  if (lastMs === null) throw new errors.InvalidInput(`to: ${to} is not a date (YYYY-MM-DD)`);
  if (lastMs < fromMs) throw new errors.InvalidInput(`to: ${to} is before from (${from})`);
  const count = (lastMs - fromMs) / DAY_MS + 1;
  if (count > MAX_DAYS) throw new errors.InvalidInput(`to: the range from ${from} to ${to} is ${count} days; a report covers at most ${MAX_DAYS}`);
  const days = Array.from({ length: count }, (_, i) => chinaDay(fromMs + i * DAY_MS));
  const fromDay = (fromMs + CHINA_OFFSET_MS) / DAY_MS;
  return { from, to, fromMs, toMs: lastMs + DAY_MS, fromDay, toDay: fromDay + count, days };
}
