// Synthesises the hotline's voice prompts and hold music for Asterisk.
//
//   npx tsx scripts/make-prompts.ts [outDir]      (outDir defaults to ./sounds)
//
// Writes <outDir>/hotline/<lang>/<name>.wav for every prompt in
// src/ivr/prompt-texts.ts and the dialplan's own prompts below, in zh and en,
// and <outDir>/moh/hotline-hold.wav for music-on-hold class "default".
// docker-compose.yml mounts <outDir>/hotline at Asterisk's sounds/hotline, so
// the service plays sound:hotline/zh/<name>, and <outDir>/moh at its moh/.
//
// Needs espeak-ng (with its Mandarin voice, Debian's espeak-ng-data has it) and
// sox on the PATH. The voices are robotic: they make a hotline that works out
// of the box; record real prompts under the same names to replace them.

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { promptTexts } from '../src/ivr/prompt-texts.js';

type PromptText = { zh: string; en: string };
type Language = keyof PromptText;

const run = promisify(execFile);

/**
 * espeak-ng voice and speaking rate (words per minute) per prompt language.
 * Not plain "cmn": espeak-ng 1.51 (Debian bookworm) turns hanzi into tone-numbered
 * pinyin and that voice then reads the pinyin as English ("请" comes out as
 * "king three"); the pinyin-reading variant says it as Mandarin.
 */
const voices: Record<Language, { voice: string; wpm: number }> = {
  zh: { voice: 'cmn-latn-pinyin', wpm: 160 },
  en: { voice: 'en', wpm: 160 },
};

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

/** Asterisk sound names become file names and sound: URIs: no slashes, spaces or dots. */
const promptName = /^[a-z0-9][a-z0-9_-]*$/i;

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('usage: tsx scripts/make-prompts.ts [outDir]   (default ./sounds)');
    return;
  }
  const outDir = resolve(argv[0] ?? 'sounds');
  const prompts = collectPrompts();
  await requireTool('espeak-ng', ['--version'], 'espeak-ng');
  await requireTool('sox', ['--version'], 'sox');

  const work = await mkdtemp(join(tmpdir(), 'make-prompts-'));
  try {
    const jobs: Array<() => Promise<void>> = [];
    for (const lang of Object.keys(voices) as Language[]) {
      const dir = join(outDir, 'hotline', lang);
      await mkdir(dir, { recursive: true });
      for (const [name, text] of prompts) {
        jobs.push(() => synthesise(text[lang], lang, join(dir, `${name}.wav`), join(work, `${lang}-${name}`)));
      }
    }
    await runAll(jobs, availableParallelism());
    const mohFile = join(outDir, 'moh', 'hotline-hold.wav');
    await makeHoldMusic(mohFile, work);
    console.log(`${prompts.length} prompts in ${Object.keys(voices).join(', ')} under ${join(outDir, 'hotline')}; hold music ${mohFile}`);
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
      for (const lang of Object.keys(voices) as Language[]) {
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

async function requireTool(command: string, args: string[], debianPackage: string): Promise<void> {
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
 * Text → espeak-ng's 22 kHz WAV, one piece per language run → sox: 8 kHz mono
 * 16-bit, normalised, with a little silence either side.
 */
async function synthesise(text: string, lang: Language, outFile: string, workBase: string): Promise<void> {
  const pieces: string[] = [];
  for (const [i, segment] of speechSegments(text, lang).entries()) {
    const { voice, wpm } = voices[segment.lang];
    // The text goes through a file, never the argument list, so a prompt that
    // starts with "-" cannot be taken for an option.
    const textFile = `${workBase}-${i}.txt`;
    const rawFile = `${workBase}-${i}.raw.wav`;
    await writeFile(textFile, segment.text, 'utf8');
    await run('espeak-ng', ['-v', voice, '-s', String(wpm), '-f', textFile, '-w', rawFile]);
    pieces.push(rawFile);
  }
  if (pieces.length === 0) throw new Error(`nothing to say in "${text}"`);
  const joined = pieces.length === 1 ? pieces[0]! : `${workBase}.joined.wav`;
  if (pieces.length > 1) await run('sox', [...pieces, joined]);
  await toTelephoneWav(joined, outFile, ['gain', '-n', '-3', 'pad', '0.1', '0.3']);
}

/** Mandarin reads a phone-style number (12345, 110, 12315) digit by digit, 1 as 幺. */
const zhPhoneDigits = ['零', '幺', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Splits a Mandarin prompt into Mandarin and English runs ("…请按1；English
 * service, please press 2；…"): the pinyin voice would read English words as
 * pinyin. Numbers of three or more digits in the Mandarin runs are spelt out
 * digit by digit, as callers say 12345 and 110; shorter ones ("按1") are read
 * as numbers.
 */
function speechSegments(text: string, lang: Language): Array<{ lang: Language; text: string }> {
  if (lang === 'en') return [{ lang, text }];
  const segments: Array<{ lang: Language; text: string }> = [];
  const latinRun = /[A-Za-z][A-Za-z0-9 ,.'!?:-]*/g;
  let at = 0;
  const addZh = (part: string): void => {
    const spoken = part.replace(/\d{3,}/g, (digits) => [...digits].map((d) => zhPhoneDigits[Number(d)]).join(''));
    // A run of punctuation alone would make espeak-ng write an empty file.
    if (/[\p{L}\p{N}]/u.test(spoken)) segments.push({ lang: 'zh', text: spoken });
  };
  for (const match of text.matchAll(latinRun)) {
    addZh(text.slice(at, match.index));
    segments.push({ lang: 'en', text: match[0].trim() });
    at = match.index + match[0].length;
  }
  addZh(text.slice(at));
  return segments;
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

/** Converts into Asterisk's native 8 kHz slin WAV, written beside the target and renamed, so Asterisk never reads half a file. */
async function toTelephoneWav(inFile: string, outFile: string, effects: string[]): Promise<void> {
  await mkdir(dirname(outFile), { recursive: true });
  const partial = `${outFile}.partial`;
  await run('sox', [inFile, '-t', 'wav', '-r', '8000', '-c', '1', '-b', '16', '-e', 'signed-integer', partial, ...effects]);
  await rename(partial, outFile);
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
