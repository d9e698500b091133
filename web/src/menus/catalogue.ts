import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';

export interface PromptLanguage {
  language: string;
  version: number;
  source: string;
  text: string;
  durationMs: number;
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
  /** null when the service has no prompt list yet: the editor then takes prompt names as typed. */
  prompts: Prompt[] | null;
}

// Calendars and prompts arrive with other parts of issue 5; until then their routes answer 404.
const unlessMissing = <T>(path: string, missing: T) =>
  api<T>('GET', path).catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 404) return missing;
    throw err;
  });

export function useCatalogue(): Catalogue {
  const [catalogue, setCatalogue] = useState<Catalogue>({ queues: [], targets: [], calendars: [], prompts: null });
  useEffect(() => {
    void Promise.all([
      api<Catalogue['queues']>('GET', '/api/queues'),
      api<Catalogue['targets']>('GET', '/api/linkage-targets'),
      unlessMissing<Catalogue['calendars']>('/api/calendars', []),
      unlessMissing<Catalogue['prompts']>('/api/prompts', null),
    ]).then(([queues, targets, calendars, prompts]) => setCatalogue({ queues, targets, calendars, prompts }));
  }, []);
  return catalogue;
}

/** The text a prompt says, in the page's language if it has one: what the tree and simulator show. */
export function promptText(catalogue: Catalogue, ref: string, language?: string): string | null {
  const prompt = catalogue.prompts?.find((p) => p.name === ref);
  if (!prompt?.languages.length) return null;
  return (prompt.languages.find((l) => l.language === language) ?? prompt.languages[0]!).text;
}
