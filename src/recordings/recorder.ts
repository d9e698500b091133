import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Log } from '../log.js';
import type { CallLog } from '../calls/call-log.js';
import { TelephonyError, type Telephony } from '../telephony/types.js';
import type { RecordingsRepository, Recording } from './repository.js';
import { wavDurationMs } from './wav.js';
import { backoffDelay } from '../backoff.js';

export interface RecorderDeps {
  telephony: Telephony;
  recordings: RecordingsRepository;
  callLog: CallLog;
  /** The recordings store. */
  dir: string;
  retry: { baseMs: number; maxMs: number };
  log: Log;
}

/** A recording Asterisk says it does not have, this many times, is given up as lost. */
const NOT_FOUND_LIMIT = 5;

/** Where a recording lives in the store: one folder a day, so retention and backups work by day. */
export function storePath(recording: Pick<Recording, 'name' | 'startedAt'>): string {
  const d = new Date(recording.startedAt + 8 * 3600_000);
  const day = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
  return `${day}/${recording.name}.wav`;
}

/**
 * Records each talk bridge from the moment an agent joins it, and when Asterisk says a
 * recording finished, brings the file into the service's own store with its size and length.
 * A fetch that fails is tried again, doubling the wait, until it succeeds.
 */
export class Recorder {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  /** Messages being left: what to do when each ends (thank the caller and hang up). */
  private readonly messageEnds = new Map<string, () => void>();
  private stopped = false;

  constructor(private readonly deps: RecorderDeps) {}

  start(): void {
    this.deps.telephony.onEvent((event) => {
      // After stop() the database may be closing: the next start picks up where this left off.
      if (this.stopped) return;
      const work = event.type === 'recording-ended' ? this.ended(event.name, event.failed, event.cause) : event.type === 'connection' && event.connected ? this.resume() : null;
      work?.catch((err: unknown) => this.deps.log.error({ err }, 'recording bookkeeping failed'));
    });
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** A failure to record never disturbs the call: it is written down and the call goes on. */
  async recordBridge(callId: string, bridgeId: string): Promise<void> {
    const { recordings, telephony, callLog, log } = this.deps;
    const name = `call-${callId}-${recordings.countOfCall(callId) + 1}`;
    const row = recordings.started(callId, name);
    try {
      await telephony.recordBridge(bridgeId, name);
      callLog.record(callId, 'recording-started', { recordingId: row.id, name });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      recordings.update(row.id, { status: 'failed', lastError: message });
      callLog.record(callId, 'recording-failed', { recordingId: row.id, error: message });
      log.error({ err, callId, name }, 'could not start recording');
    }
  }

  /**
   * A caller leaves a message (after an overflow, or at a message node, for the callback list). `onEnded` runs when
   * the recording stops, by # or its limits, so the call can be closed politely.
   */
  async recordMessage(callId: string, channelId: string, onEnded: () => void, maxDurationSeconds = 120): Promise<void> {
    const { recordings, telephony, callLog, log } = this.deps;
    const name = `msg-${callId}`;
    const row = recordings.started(callId, name);
    this.messageEnds.set(name, onEnded);
    try {
      await telephony.recordChannel(channelId, name, { maxDurationSeconds, maxSilenceSeconds: 10 });
      callLog.record(callId, 'message-recording-started', { recordingId: row.id, name });
    } catch (err) {
      this.messageEnds.delete(name);
      const message = err instanceof Error ? err.message : String(err);
      recordings.update(row.id, { status: 'failed', lastError: message });
      callLog.record(callId, 'recording-failed', { recordingId: row.id, error: message });
      log.warn({ err, callId }, 'could not record the caller’s message');
      onEnded();
    }
  }

  private async ended(name: string, failed: boolean, cause: string | null): Promise<void> {
    const onEnded = this.messageEnds.get(name);
    this.messageEnds.delete(name);
    onEnded?.();
    const row = this.deps.recordings.byName(name);
    if (!row || row.status !== 'recording') return;
    if (failed) {
      this.deps.recordings.update(row.id, { status: 'failed', finishedAt: Date.now(), lastError: cause ?? 'recording failed' });
      this.deps.callLog.record(row.callId, 'recording-failed', { recordingId: row.id, error: cause });
      return;
    }
    const fetching = this.deps.recordings.update(row.id, { status: 'fetching', finishedAt: Date.now(), nextFetchAt: Date.now() });
    await this.fetch(fetching);
  }

  /** After a restart of either side: recordings of calls that ended meanwhile are fetched now. */
  private async resume(): Promise<void> {
    for (const row of this.deps.recordings.unfinished()) {
      if (row.status === 'recording' && this.deps.callLog.get(row.callId)?.phase !== 'ended') continue;
      const due = row.status === 'recording' ? this.deps.recordings.update(row.id, { status: 'fetching', nextFetchAt: Date.now() }) : row;
      if (!this.timers.has(due.id)) this.schedule(due, Math.max(0, (due.nextFetchAt ?? 0) - Date.now()));
    }
  }

  private async fetch(row: Recording): Promise<void> {
    const { telephony, recordings, callLog, dir, log } = this.deps;
    this.timers.delete(row.id);
    if (this.stopped) return;
    try {
      const data = await telephony.fetchRecording(row.name);
      if (this.stopped) return;
      const path = storePath(row);
      const file = join(dir, path);
      await mkdir(dirname(file), { recursive: true });
      // Written aside and renamed, so a crash never leaves half a file under the real name.
      await writeFile(`${file}.part`, data);
      await rename(`${file}.part`, file);
      const durationMs = wavDurationMs(data);
      recordings.update(row.id, { status: 'stored', path, sizeBytes: data.length, durationMs, fetchAttempts: row.fetchAttempts + 1, nextFetchAt: null, lastError: null });
      callLog.record(row.callId, 'recording-stored', { recordingId: row.id, sizeBytes: data.length, durationMs });
      log.info({ callId: row.callId, recordingId: row.id, sizeBytes: data.length, durationMs }, 'recording stored');
      await telephony.deleteStoredRecording(row.name).catch((err: unknown) => log.warn({ err, name: row.name }, 'could not delete recording from Asterisk'));
    } catch (err) {
      if (this.stopped) return;
      const attempts = row.fetchAttempts + 1;
      const message = err instanceof Error ? err.message : String(err);
      const lost = err instanceof TelephonyError && err.kind === 'not-found' && attempts >= NOT_FOUND_LIMIT;
      const waitMs = backoffDelay(attempts, this.deps.retry.baseMs, this.deps.retry.maxMs);
      const next = recordings.update(row.id, { status: lost ? 'failed' : 'fetching', fetchAttempts: attempts, lastError: message, nextFetchAt: lost ? null : Date.now() + waitMs });
      log.warn({ err: message, callId: row.callId, recordingId: row.id, attempts, retryInMs: lost ? null : waitMs }, lost ? 'recording lost' : 'could not fetch recording; will retry');
      if (lost) callLog.record(row.callId, 'recording-failed', { recordingId: row.id, error: message });
      else this.schedule(next, waitMs);
    }
  }

  private schedule(row: Recording, waitMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      if (!this.stopped) void this.fetch(this.deps.recordings.get(row.id) ?? row);
    }, waitMs);
    timer.unref();
    this.timers.set(row.id, timer);
  }
}
