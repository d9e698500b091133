// Turns prompt names, numbers and digit strings into the media URIs Asterisk plays. Digits
// and numbers come from our own prompts (digit-0 … digit-9, ten) in every language: Asterisk
// has no Mandarin sounds, and Asterisk images without the English sound packs have none at all.

export interface PromptSettings {
  prefix: string;
  language: string;
}

const MEDIA_SCHEME = /^[a-z]+:/;

export function promptMedia(ref: string, s: PromptSettings): string[] {
  if (ref.startsWith('digits:')) return spokenDigits(ref.slice(7), s);
  if (ref.startsWith('number:')) return spokenNumber(Number(ref.slice(7)), s);
  if (MEDIA_SCHEME.test(ref)) return [ref];
  return [`sound:${s.prefix}/${s.language}/${ref}`];
}

export function promptsMedia(refs: readonly string[], s: PromptSettings): string[] {
  return refs.flatMap((ref) => promptMedia(ref, s));
}

export function spokenDigits(digits: string, s: PromptSettings): string[] {
  return [...digits.replace(/[^0-9]/g, '')].map((d) => `sound:${s.prefix}/${s.language}/digit-${d}`);
}

/** Mandarin reads 0–99 as words (二十三 = 二 十 三); other numbers and languages are read digit by digit, which callers understand. */
export function spokenNumber(n: number, s: PromptSettings): string[] {
  if (!Number.isInteger(n) || n < 0) return [];
  if (s.language !== 'zh' || n > 99) return spokenDigits(String(n), s);
  const digit = (d: number) => `sound:${s.prefix}/zh/digit-${d}`;
  const ten = `sound:${s.prefix}/zh/ten`;
  if (n < 10) return [digit(n)];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return [...(tens > 1 ? [digit(tens)] : []), ten, ...(ones ? [digit(ones)] : [])];
}
