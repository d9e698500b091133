import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
import type { CalendarOverride, TimeRange, Weekday } from '../../calendar/model.js';
import { users } from './users.js';

/** Working calendars the IVR branches on and ticket deadlines count in; each stored whole, as validated. */
export const calendars = sqliteTable('calendars', {
  name: text('name').primaryKey(),
  weekly: text('weekly', { mode: 'json' }).$type<Record<Weekday, TimeRange[]>>().notNull(),
  overrides: text('overrides', { mode: 'json' }).$type<CalendarOverride[]>().notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
});
