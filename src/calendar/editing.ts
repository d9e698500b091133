import type { AuditRepository } from '../audit/repository.js';
import type { Db } from '../db/client.js';
import { summarizeCalendarChange } from './diff.js';
import type { Calendar } from './model.js';
import type { CalendarsRepository, StoredCalendar } from './repository.js';

/**
 * Stores a validated calendar and its audit entry in one transaction, so a calendar never
 * changes without a record of who changed it, nor is a change recorded that did not happen.
 */
export function saveCalendar(
  deps: { db: Db; calendars: CalendarsRepository; audit: AuditRepository },
  calendar: Calendar,
  userId: number,
  now = Date.now(),
): StoredCalendar {
  return deps.db.transaction((tx) => {
    const before = deps.calendars.get(calendar.name, tx);
    const saved = deps.calendars.save(calendar, userId, now, tx);
    deps.audit.record(
      { entity: 'calendar', entityId: calendar.name, action: before ? 'changed' : 'created', userId, detail: { summary: summarizeCalendarChange(before, calendar), overrides: calendar.overrides.length } },
      tx,
      now,
    );
    return saved;
  });
}
