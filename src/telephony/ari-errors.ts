import { TelephonyError } from './types.js';

/**
 * ari-client rejects with `new Error(<raw response body>)` and no status code, so the kind
 * of failure can only be read from Asterisk's message text.
 */
export function normaliseAriError(err: unknown): TelephonyError {
  if (err instanceof TelephonyError) return err;
  const raw = err instanceof Error ? err.message : String(err);
  let message = raw;
  try {
    const body = JSON.parse(raw) as { message?: unknown; error?: unknown };
    if (typeof body.message === 'string') message = body.message;
    else if (typeof body.error === 'string') message = body.error;
  } catch {
    // Not JSON: a network error or a plain-text body; keep it as it is.
  }
  const code = (err as { code?: unknown }).code;
  // "Channel not in Stasis application": the channel has left us, which for the caller is as
  // good as gone; "Channel not in this bridge": it already left that bridge.
  if (/not found|not in stasis|not in this bridge|does not exist/i.test(message)) return new TelephonyError(message, 'not-found');
  if (/already exists|conflict|invalid state|isn't playing|already in (a )?bridge/i.test(message)) return new TelephonyError(message, 'conflict');
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|socket hang up|not connected/i.test(`${message} ${String(code ?? '')}`)) {
    return new TelephonyError(message, 'unavailable');
  }
  if (/missing|invalid|required|must/i.test(message)) return new TelephonyError(message, 'invalid');
  return new TelephonyError(message, 'unknown');
}
