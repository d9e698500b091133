import { useState } from 'preact/hooks';
import { api, ApiError } from './api.js';
import { tk } from './i18n.js';

/**
 * For the pages' buttons: `post(path, body)` makes a click handler that POSTs and shows the
 * service's refusal (it names what is wrong) in `error`; what changed arrives over the socket.
 */
export function usePost(): { error: string | null; post: (path: string, body?: unknown) => () => Promise<void> } {
  const [error, setError] = useState<string | null>(null);
  const post = (path: string, body?: unknown) => async () => {
    setError(null);
    try {
      await api('POST', path, body);
    } catch (err) {
      setError(err instanceof ApiError ? errorText(err) : String(err));
    }
  };
  return { error, post };
}

/** A refusal the page has its own words for (by its code), else the service's message, which names what is wrong. */
function errorText(err: ApiError): string {
  const code = (err.body as { code?: string } | undefined)?.code;
  if (!code) return err.message;
  const words = tk('error', code);
  return words !== code ? words : err.message;
}
