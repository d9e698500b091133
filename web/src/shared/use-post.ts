import { useState } from 'preact/hooks';
import { api, ApiError } from './api.js';

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
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return { error, post };
}
