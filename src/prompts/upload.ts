import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wavDurationMs } from '../recordings/wav.js';
import { toTelephoneWav } from './sox.js';

/** The audio an admin may upload, by content type, as sox names the format. */
export const uploadTypes: Record<string, 'wav' | 'mp3'> = {
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/mpeg': 'mp3',
};

/** A 3-minute prompt is already longer than any caller listens to; 10 MB holds that as 44.1 kHz stereo WAV. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_PROMPT_MS = 180_000;

/** The upload is not usable audio; the message says why, for the admin. */
export class BadAudio extends Error {}

/**
 * Converts an uploaded WAV or MP3 into the telephone WAV at `outFile` (through sox, which
 * reads MP3 with Debian's libsox-fmt-mp3) and returns its duration. Throws BadAudio for an
 * empty, unreadable, silent-length or too long upload; nothing is left at `outFile` then.
 */
export async function convertUpload(data: Buffer, type: 'wav' | 'mp3', outFile: string): Promise<{ durationMs: number }> {
  if (data.length === 0) throw new BadAudio('the upload is empty');
  const inFile = join(tmpdir(), `hotline-upload-${randomUUID()}.${type}`);
  try {
    await writeFile(inFile, data);
    try {
      await toTelephoneWav(inFile, outFile, [], type);
    } catch (err) {
      // sox's reason, without the server's temporary file name.
      const detail = ((err as { stderr?: string }).stderr ?? '').trim().split('\n')[0]?.replace(/^sox (FAIL|WARN) \w+: /, '').replace(/can't open input file `[^']*': /, '');
      throw new BadAudio(`not a readable ${type.toUpperCase()} file${detail ? ` (${detail})` : ''}`);
    }
    const durationMs = wavDurationMs(await readFile(outFile));
    if (!durationMs) throw new BadAudio('the audio has no sound in it (zero length)');
    if (durationMs > MAX_PROMPT_MS) throw new BadAudio(`the audio lasts ${Math.round(durationMs / 1000)} s; a prompt may last at most ${MAX_PROMPT_MS / 1000} s`);
    return { durationMs };
  } catch (err) {
    await rm(outFile, { force: true });
    throw err;
  } finally {
    await rm(inFile, { force: true });
  }
}
