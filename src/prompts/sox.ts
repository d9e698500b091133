import { execFile } from 'node:child_process';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);

/**
 * What Asterisk plays best on a telephone call: 8 kHz mono 16-bit signed PCM WAV is its
 * native "slin" format, so playing it needs no transcoding per call (a 44.1 kHz or MP3 file
 * would be resampled or decoded for every caller, or not played at all: Asterisk has no MP3
 * format module by default), and telephone calls carry nothing above 4 kHz anyway.
 */
export const telephoneWav = ['-t', 'wav', '-r', '8000', '-c', '1', '-b', '16', '-e', 'signed-integer'];

/** Stops with the Debian package to install when a tool is missing. */
export async function requireTool(command: string, args: string[], debianPackage: string): Promise<void> {
  try {
    await run(command, args);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${command} is not installed (or not on the PATH). On Debian/Ubuntu: apt-get install ${debianPackage}`);
    }
    throw new Error(`${command} ${args.join(' ')} failed: ${(err as Error).message}`);
  }
}

/**
 * Converts into the telephone WAV, written beside the target and renamed, so Asterisk never
 * reads half a file. `inputType` names the input's format when its file name does not.
 */
export async function toTelephoneWav(inFile: string, outFile: string, effects: string[] = [], inputType?: string): Promise<void> {
  await mkdir(dirname(outFile), { recursive: true });
  const partial = `${outFile}.partial`;
  try {
    await run('sox', ['-V1', ...(inputType ? ['-t', inputType] : []), inFile, ...telephoneWav, partial, ...effects]);
    await rename(partial, outFile);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}
