// Synthesises the hotline's voice prompts and hold music for Asterisk.
//
//   npx tsx scripts/make-prompts.ts [outDir]      (outDir defaults to ./sounds)
//
// Writes <outDir>/hotline/<lang>/<name>.wav for every prompt in
// src/ivr/prompt-texts.ts and the dialplan's own prompts below, in zh and en,
// <outDir>/moh/hotline-hold.wav for music-on-hold class "default", and
// <outDir>/en/beep.wav, the tone Asterisk plays before recording a message.
// docker-compose.yml mounts <outDir>/hotline at Asterisk's sounds/hotline, so
// the service plays sound:hotline/zh/<name>, <outDir>/moh at its moh/ and
// <outDir>/en at its sounds/en/.
//
// Needs espeak-ng (with its Mandarin voice, Debian's espeak-ng-data has it) and
// sox on the PATH (src/prompts/synthesiser.ts, which the service uses too). The
// voices are robotic: they make a hotline that works out of the box; admins
// replace them through /api/prompts. A prompt file already there is kept, so a
// re-run never undoes an admin's change; --force rewrites every file.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promptTexts } from '../src/ivr/prompt-texts.js';
import { promptLanguages, promptName, type PromptLanguage } from '../src/prompts/languages.js';
import { run, toTelephoneWav } from '../src/prompts/sox.js';
import { EspeakSynthesiser } from '../src/prompts/synthesiser.js';

type PromptText = Record<PromptLanguage, string>;

/**
 * Prompts the Asterisk dialplan plays by itself (dialplans/hotline.conf) when
 * the service is not connected. They live here rather than in prompt-texts.ts
 * because the service never plays them. Digits are spelt out so they are read
 * one by one ("幺二三四五"), as the hotline's number is said.
 */
const dialplanPromptTexts: Record<string, PromptText> = {
  'fallback-sorry': {
    zh: '对不起，现在没有话务员可以接听您的电话，请稍后再拨打幺二三四五。',
    en: 'Sorry, no agent can take your call right now. Please call one two three four five again later.',
  },
};

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('usage: tsx scripts/make-prompts.ts [--force] [outDir]   (default ./sounds)');
    return;
  }
  const force = argv.includes('--force');
  const outDir = resolve(argv.find((a) => !a.startsWith('-')) ?? 'sounds');
  const prompts = collectPrompts();
  const synthesiser = new EspeakSynthesiser();
  await synthesiser.check();

  const work = await mkdtemp(join(tmpdir(), 'make-prompts-'));
  try {
    const jobs: Array<() => Promise<void>> = [];
    let kept = 0;
    for (const lang of promptLanguages) {
      const dir = join(outDir, 'hotline', lang);
      await mkdir(dir, { recursive: true });
      for (const [name, text] of prompts) {
        const file = join(dir, `${name}.wav`);
        // The service keeps admins' prompts in the same folder: a re-run (every
        // `docker compose up`) must not put the robot voice back over them.
        if (!force && existsSync(file)) kept += 1;
        else jobs.push(() => synthesiser.synthesise(text[lang], lang, file));
      }
    }
    await runAll(jobs, availableParallelism());
    const mohFile = join(outDir, 'moh', 'hotline-hold.wav');
    await makeHoldMusic(mohFile, work);
    await makeBeep(join(outDir, 'en', 'beep.wav'));
    console.log(
      `${jobs.length} prompt files written${kept ? `, ${kept} already there kept (--force rewrites them)` : ''} in ${promptLanguages.join(', ')} under ${join(outDir, 'hotline')}; hold music ${mohFile}`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The service's prompts plus the dialplan's, checked: prompt-texts.ts is edited by hand. */
function collectPrompts(): Array<[string, PromptText]> {
  const all: Array<[string, PromptText]> = [];
  const seen = new Set<string>();
  for (const [source, texts] of [
    ['src/ivr/prompt-texts.ts', promptTexts as Record<string, PromptText>],
    ['dialplanPromptTexts', dialplanPromptTexts],
  ] as const) {
    for (const [name, text] of Object.entries(texts)) {
      if (!promptName.test(name)) throw new Error(`${source}: prompt name "${name}" must match ${promptName}`);
      if (seen.has(name)) throw new Error(`${source}: prompt "${name}" is defined twice`);
      for (const lang of promptLanguages) {
        if (typeof text?.[lang] !== 'string' || text[lang].trim() === '') {
          throw new Error(`${source}: prompt "${name}" has no ${lang} text`);
        }
      }
      seen.add(name);
      all.push([name, text]);
    }
  }
  return all;
}

/**
 * A quiet, looping pentatonic tune, so a waiting citizen hears that the line is
 * alive: the Asterisk image ships no music on hold.
 */
async function makeHoldMusic(outFile: string, work: string): Promise<void> {
  const melody = [523.25, 587.33, 659.25, 783.99, 880.0, 783.99, 659.25, 587.33, 523.25, 659.25, 783.99, 1046.5, 880.0, 783.99, 659.25, 0];
  const notes: string[] = [];
  for (const [i, freq] of melody.entries()) {
    const note = join(work, `note-${String(i).padStart(2, '0')}.wav`);
    const sound = freq === 0 ? ['synth', '0.9', 'sine', '0', 'vol', '0'] : ['synth', '0.6', 'pluck', String(freq), 'fade', 'q', '0.01', '0.6', '0.45'];
    await run('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', note, ...sound]);
    notes.push(note);
  }
  const joined = join(work, 'hold-joined.wav');
  await run('sox', [...notes, joined, 'repeat', '3']);
  await toTelephoneWav(joined, outFile, ['gain', '-n', '-12']);
}

/**
 * Asterisk plays its own "beep" before recording a caller's message, and refuses to record
 * when it has none ("File beep does not exist in any format"); Asterisk images without sound
 * packs have none. It looks in sounds/<channel language>/, and channels are "en" by default.
 */
async function makeBeep(outFile: string): Promise<void> {
  await mkdir(dirname(outFile), { recursive: true });
  await run('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', outFile, 'synth', '0.25', 'sine', '1000', 'vol', '0.5']);
}

async function runAll(jobs: Array<() => Promise<void>>, parallel: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (job) await job();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, jobs.length)) }, worker));
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`make-prompts: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
