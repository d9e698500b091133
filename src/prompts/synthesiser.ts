import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PromptLanguage } from './languages.js';
import { requireTool, run, toTelephoneWav } from './sox.js';

/** Text to speech for prompts; espeak-ng ships with the hotline, a better engine can take its place. */
export interface Synthesiser {
  /** Writes `text` spoken in `language` to `outFile` as 8 kHz mono 16-bit WAV (see sox.ts), atomically. */
  synthesise(text: string, language: PromptLanguage, outFile: string): Promise<void>;
  /** Throws, naming what to install, when the engine cannot run here. */
  check(): Promise<void>;
}

/** The text has nothing a voice can say (only punctuation, say). */
export class UnspeakableText extends Error {}

/**
 * espeak-ng voice and speaking rate (words per minute) per prompt language.
 * Not plain "cmn": espeak-ng 1.51 (Debian bookworm) turns hanzi into tone-numbered
 * pinyin and that voice then reads the pinyin as English ("请" comes out as
 * "king three"); the pinyin-reading variant says it as Mandarin.
 */
const voices: Record<PromptLanguage, { voice: string; wpm: number }> = {
  zh: { voice: 'cmn-latn-pinyin', wpm: 160 },
  en: { voice: 'en', wpm: 160 },
};

/**
 * espeak-ng (with its Mandarin voice, Debian's espeak-ng-data has it) and sox. The voices are
 * robotic: they make a hotline that works out of the box until real prompts are recorded.
 */
export class EspeakSynthesiser implements Synthesiser {
  async check(): Promise<void> {
    await requireTool('espeak-ng', ['--version'], 'espeak-ng');
    await requireTool('sox', ['--version'], 'sox');
  }

  /** Text → espeak-ng's 22 kHz WAV, one piece per language run → sox: telephone WAV, normalised, a little silence either side. */
  async synthesise(text: string, language: PromptLanguage, outFile: string): Promise<void> {
    const segments = speechSegments(text, language);
    if (segments.length === 0) throw new UnspeakableText(`nothing to say in "${text}"`);
    const work = await mkdtemp(join(tmpdir(), 'hotline-tts-'));
    try {
      const pieces: string[] = [];
      for (const [i, segment] of segments.entries()) {
        const { voice, wpm } = voices[segment.lang];
        // The text goes through a file, never the argument list, so a prompt that
        // starts with "-" cannot be taken for an option.
        const textFile = join(work, `${i}.txt`);
        const rawFile = join(work, `${i}.raw.wav`);
        await writeFile(textFile, segment.text, 'utf8');
        await run('espeak-ng', ['-v', voice, '-s', String(wpm), '-f', textFile, '-w', rawFile]);
        pieces.push(rawFile);
      }
      const joined = pieces.length === 1 ? pieces[0]! : join(work, 'joined.wav');
      if (pieces.length > 1) await run('sox', [...pieces, joined]);
      await toTelephoneWav(joined, outFile, ['gain', '-n', '-3', 'pad', '0.1', '0.3']);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}

/** Mandarin reads a phone-style number (12345, 110, 12315) digit by digit, 1 as 幺. */
const zhPhoneDigits = ['零', '幺', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Splits a Mandarin prompt into Mandarin and English runs ("…请按1；English
 * service, please press 2；…"): the pinyin voice would read English words as
 * pinyin. Numbers of three or more digits in the Mandarin runs are spelt out
 * digit by digit, as callers say 12345 and 110; shorter ones ("按1") are read
 * as numbers. Runs with no letter or digit are dropped: espeak-ng would write
 * an empty file for them.
 */
export function speechSegments(text: string, lang: PromptLanguage): Array<{ lang: PromptLanguage; text: string }> {
  const speakable = (part: string) => /[\p{L}\p{N}]/u.test(part);
  if (lang === 'en') return speakable(text) ? [{ lang, text }] : [];
  const segments: Array<{ lang: PromptLanguage; text: string }> = [];
  const latinRun = /[A-Za-z][A-Za-z0-9 ,.'!?:-]*/g;
  let at = 0;
  const addZh = (part: string): void => {
    const spoken = part.replace(/\d{3,}/g, (digits) => [...digits].map((d) => zhPhoneDigits[Number(d)]).join(''));
    if (speakable(spoken)) segments.push({ lang: 'zh', text: spoken });
  };
  for (const match of text.matchAll(latinRun)) {
    addZh(text.slice(at, match.index));
    segments.push({ lang: 'en', text: match[0].trim() });
    at = match.index + match[0].length;
  }
  addZh(text.slice(at));
  return segments;
}
