import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { currentLang } from '../shared/i18n.js';

/** One language of a prompt as GET /api/prompts gives it; an uploaded recording has no text. */
export interface PromptLanguage {
  language: string;
  version: number;
  source: string;
  text: string | null;
  durationMs: number | null;
}

export interface Prompt {
  name: string;
  languages: PromptLanguage[];
}

/** What the editor's lists offer: queues, linkage targets, calendars and prompts as they are now. */
export interface Catalogue {
  queues: Array<{ name: string; title: string }>;
  targets: Array<{ code: string; name: string }>;
  calendars: Array<{ name: string }>;
  /** null until the list has arrived: the editor then takes prompt names as typed. */
  prompts: Prompt[] | null;
}

export function useCatalogue(): Catalogue {
  const [catalogue, setCatalogue] = useState<Catalogue>({ queues: [], targets: [], calendars: [], prompts: null });
  useEffect(() => {
    void Promise.all([
      api<Catalogue['queues']>('GET', '/api/queues'),
      api<Catalogue['targets']>('GET', '/api/linkage-targets'),
      api<Catalogue['calendars']>('GET', '/api/calendars'),
      api<Prompt[]>('GET', '/api/prompts'),
    ]).then(([queues, targets, calendars, prompts]) => setCatalogue({ queues, targets, calendars, prompts }));
  }, []);
  return catalogue;
}

/** The prompt language (a code of src/prompts/languages.ts) matching the page's: what an admin reads and hears first. */
export const pageLanguage = () => (currentLang() === 'en' ? 'en' : 'zh');

/** The text a prompt says, in the page's language if it has one: what the tree shows. */
export function promptText(catalogue: Catalogue, ref: string, language = pageLanguage()): string | null {
  const prompt = catalogue.prompts?.find((p) => p.name === ref);
  if (!prompt?.languages.length) return null;
  return (prompt.languages.find((l) => l.language === language) ?? prompt.languages[0]!).text;
}
