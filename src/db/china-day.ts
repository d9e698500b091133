import { sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { CHINA_UTC_OFFSET_MS } from '../calendar/working-time.js';

export const DAY_MS = 86_400_000;

/**
 * The China day of an epoch-ms column as a whole number of days since 1970-01-01: what the
 * reports group by, and what tickets_report is ordered by. The constants are written into the
 * SQL, because SQLite uses an index on an expression only for a query that spells it the same
 * way, and because bound, a JS number is a REAL and the division would not be whole.
 */
export const chinaDayNumber = (column: AnySQLiteColumn): SQL<number> =>
  sql<number>`((${column} + ${sql.raw(String(CHINA_UTC_OFFSET_MS))}) / ${sql.raw(String(DAY_MS))})`;
