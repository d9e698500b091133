import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Log } from '../log.js';
import type { RecordingsRepository } from './repository.js';

/**
 * Deletes recordings older than the retention period from the store; the row stays, marked
 * deleted with the time, so the call log still shows there was one. Returns how many.
 */
export async function deleteExpiredRecordings(recordings: RecordingsRepository, dir: string, retentionDays: number, log: Log, now = Date.now()): Promise<number> {
  if (retentionDays <= 0) return 0;
  const cutoff = now - retentionDays * 86_400_000;
  let deleted = 0;
  for (const row of recordings.storedBefore(cutoff)) {
    try {
      await rm(join(dir, row.path!), { force: true });
    } catch (err) {
      log.error({ err, recordingId: row.id }, 'could not delete expired recording');
      continue;
    }
    recordings.update(row.id, { status: 'deleted', deletedAt: now });
    deleted += 1;
    log.info({ recordingId: row.id, callId: row.callId, startedAt: row.startedAt, retentionDays }, 'recording deleted: past retention');
  }
  return deleted;
}
