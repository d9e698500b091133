import { and, count, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { recordingListens, recordings } from '../db/schema/index.js';

export type Recording = typeof recordings.$inferSelect;

export class RecordingsRepository {
  constructor(private readonly db: Db) {}

  started(callId: string, name: string, at = Date.now()): Recording {
    return this.db.insert(recordings).values({ callId, name, format: 'wav', status: 'recording', startedAt: at }).returning().get();
  }

  get(id: number): Recording | null {
    return this.db.select().from(recordings).where(eq(recordings.id, id)).get() ?? null;
  }

  byName(name: string): Recording | null {
    return this.db.select().from(recordings).where(eq(recordings.name, name)).get() ?? null;
  }

  ofCall(callId: string): Recording[] {
    return this.db.select().from(recordings).where(eq(recordings.callId, callId)).orderBy(recordings.id).all();
  }

  /** The newest recording of the call that can be played. */
  storedOf(callId: string): number | null {
    return (
      this.db
        .select({ id: recordings.id })
        .from(recordings)
        .where(and(eq(recordings.callId, callId), eq(recordings.status, 'stored')))
        .orderBy(desc(recordings.id))
        .limit(1)
        .get()?.id ?? null
    );
  }

  countOfCall(callId: string): number {
    return this.db.select({ n: count() }).from(recordings).where(eq(recordings.callId, callId)).get()!.n;
  }

  update(id: number, patch: Partial<Omit<Recording, 'id'>>): Recording {
    return this.db.update(recordings).set(patch).where(eq(recordings.id, id)).returning().get()!;
  }

  /** Still recording as far as we know: after a restart, Asterisk may have finished them meanwhile. */
  unfinished(): Recording[] {
    return this.db.select().from(recordings).where(inArray(recordings.status, ['recording', 'fetching'])).all();
  }

  storedBefore(cutoff: number): Recording[] {
    return this.db
      .select()
      .from(recordings)
      .where(and(eq(recordings.status, 'stored'), isNotNull(recordings.path), lt(recordings.startedAt, cutoff)))
      .all();
  }

  listened(recordingId: number, userId: number, at = Date.now()): void {
    this.db.insert(recordingListens).values({ recordingId, userId, at }).run();
  }

  listens(recordingId: number) {
    return this.db.select().from(recordingListens).where(eq(recordingListens.recordingId, recordingId)).orderBy(recordingListens.id).all();
  }
}
