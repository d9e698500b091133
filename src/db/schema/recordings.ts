import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { calls } from './calls.js';
import { users } from './users.js';

export const recordingStatuses = ['recording', 'fetching', 'stored', 'failed', 'deleted'] as const;
export type RecordingStatus = (typeof recordingStatuses)[number];

/**
 * One bridge recording of a call. Asterisk writes it; the service fetches it into its own
 * store when Asterisk says it finished, and keeps trying until it has it.
 */
export const recordings = sqliteTable(
  'recordings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    /** The name Asterisk stores it under (recordings/stored/{name}). */
    name: text('name').notNull().unique(),
    format: text('format').notNull(),
    status: text('status', { enum: recordingStatuses }).notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    /** Relative to the recordings directory. */
    path: text('path'),
    sizeBytes: integer('size_bytes'),
    durationMs: integer('duration_ms'),
    fetchAttempts: integer('fetch_attempts').notNull().default(0),
    nextFetchAt: integer('next_fetch_at'),
    lastError: text('last_error'),
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('recordings_call_id').on(t.callId), index('recordings_status').on(t.status, t.nextFetchAt), index('recordings_started_at').on(t.startedAt)],
);

/** Every time someone listened to a recording. */
export const recordingListens = sqliteTable(
  'recording_listens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordingId: integer('recording_id')
      .notNull()
      .references(() => recordings.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    at: integer('at').notNull(),
  },
  (t) => [index('recording_listens_recording').on(t.recordingId, t.at)],
);
