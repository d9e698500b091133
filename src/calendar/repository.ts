import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { calendars } from '../db/schema/index.js';
import type { Tx } from '../menus/repository.js';
import type { Calendar } from './model.js';

export type StoredCalendar = Calendar & { updatedAt: number; updatedBy: number | null };

export class CalendarsRepository {
  constructor(private readonly db: Db) {}

  list(): StoredCalendar[] {
    return this.db.select().from(calendars).orderBy(calendars.name).all();
  }

  get(name: string, tx: Tx = this.db): StoredCalendar | null {
    return tx.select().from(calendars).where(eq(calendars.name, name)).get() ?? null;
  }

  names(): Set<string> {
    return new Set(this.db.select({ name: calendars.name }).from(calendars).all().map((r) => r.name));
  }

  /** Replaces the whole calendar (or adds it): what the admin saw is what is stored. */
  save(calendar: Calendar, by: number | null, at = Date.now(), tx: Tx = this.db): StoredCalendar {
    const values = { weekly: calendar.weekly, overrides: calendar.overrides, updatedAt: at, updatedBy: by };
    return tx
      .insert(calendars)
      .values({ name: calendar.name, ...values })
      .onConflictDoUpdate({ target: calendars.name, set: values })
      .returning()
      .get();
  }
}
