import { api } from '../shared/api.js';
import { loadSession } from '../shared/session.js';
import { p } from './text.js';

/** What GET /api/prompts answers: each prompt's current version per language and where the published menus play it. */
export interface PromptLanguageView {
  language: string;
  version: number;
  source: 'built-in' | 'tts' | 'upload';
  text: string | null;
  durationMs: number | null;
  updatedAt: number;
}
export interface Prompt {
  name: string;
  languages: PromptLanguageView[];
  usedBy: Array<{ menu: string; nodeId: string }>;
}
export interface PromptVersion {
  version: number;
  source: PromptLanguageView['source'];
  text: string | null;
  durationMs: number | null;
  restoredFrom: number | null;
  createdAt: number;
  createdBy: number | null;
}

/** The languages the service keeps every prompt in (src/prompts/languages.ts). */
export const languages = ['zh', 'en'] as const;

/** As the service requires (src/prompts/languages.ts), checked here so the admin hears it before anything is sent. */
export const promptName = /^[a-z0-9][a-z0-9_-]{0,79}$/;

const base = (name: string, language: string) => `/api/prompts/${encodeURIComponent(name)}/${encodeURIComponent(language)}`;

// An <audio> element cannot send the Authorization header: the token goes in the query, as for recordings.
// The version is always named, so a new version is a new address and no browser plays a cached old one.
export const audioUrl = (name: string, language: string, version: number) =>
  `${base(name, language)}/audio?version=${version}&token=${encodeURIComponent(loadSession()?.token ?? '')}`;

export const listPrompts = () => api<Prompt[]>('GET', '/api/prompts');
export const listVersions = (name: string, language: string) => api<PromptVersion[]>('GET', `${base(name, language)}/versions`);
export const synthesise = (name: string, language: string, text: string) => api<PromptVersion>('POST', `${base(name, language)}/tts`, { text });
export const restore = (name: string, language: string, version: number) => api<PromptVersion>('POST', `${base(name, language)}/restore`, { version });
export const deletePrompt = (name: string) => api<void>('DELETE', `/api/prompts/${encodeURIComponent(name)}`);

/**
 * The file goes as the raw body. Browsers name a WAV's type variously (audio/wav, audio/x-wav, or
 * nothing at all on some systems), so the type comes from the extension when the browser gives none.
 */
export function uploadAudio(name: string, language: string, file: File): Promise<PromptVersion> | null {
  const type = audioType(file);
  return type ? api<PromptVersion>('PUT', `${base(name, language)}/audio`, new Blob([file], { type })) : null;
}

function audioType(file: File): string | null {
  const known = ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/mpeg'];
  if (known.includes(file.type)) return file.type;
  if (/\.wav$/i.test(file.name)) return 'audio/wav';
  if (/\.mp3$/i.test(file.name)) return 'audio/mpeg';
  return null;
}

/** 5937 → "5.9 秒"; a built-in prompt whose length was never measured shows a dash. */
export const seconds = (ms: number | null) => (ms == null ? '—' : `${(ms / 1000).toFixed(1)} ${p('seconds')}`);
