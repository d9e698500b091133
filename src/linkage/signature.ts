import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-hotline-timestamp';
export const SIGNATURE_HEADER = 'x-hotline-signature';

/** A signed message older or newer than this is refused, so a captured one cannot be replayed later. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

function hmac(secret: string, timestamp: string, body: string | Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/** The headers that let a linkage target's system check a body came from us, unchanged, just now. */
export function signatureHeaders(secret: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `sha256=${hmac(secret, timestamp, body).toString('hex')}` };
}

export type Verification = { ok: true } | { ok: false; reason: string };

/** Checks what a target's system signed; `body` is the raw bytes received, before any parsing. */
export function verifySignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string | Buffer,
  now = Date.now(),
): Verification {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) return { ok: false, reason: 'send X-Hotline-Timestamp and X-Hotline-Signature' };
  if (!/^[0-9]{1,15}$/.test(timestamp)) return { ok: false, reason: 'X-Hotline-Timestamp must be unix time in milliseconds' };
  const skew = Math.abs(now - Number(timestamp));
  if (skew > MAX_CLOCK_SKEW_MS) {
    return { ok: false, reason: `X-Hotline-Timestamp is ${Math.round(skew / 1000)} s away from the server's clock; more than ${MAX_CLOCK_SKEW_MS / 1000} s is refused` };
  }
  const match = /^sha256=([0-9a-f]{64})$/i.exec(signature);
  if (!match) return { ok: false, reason: 'X-Hotline-Signature must be sha256=<64 hex digits>' };
  const given = Buffer.from(match[1]!, 'hex');
  if (!timingSafeEqual(given, hmac(secret, timestamp, body))) return { ok: false, reason: 'X-Hotline-Signature does not match the body and timestamp' };
  return { ok: true };
}
