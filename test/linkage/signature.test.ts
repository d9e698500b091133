import { createHmac } from 'node:crypto';
import t from 'tap';
import { signatureHeaders, verifySignature } from '../../src/linkage/signature.js';

const secret = 'a-secret-of-sixteen-or-more';
const body = '{"ticketNumber":"202611240007","status":"handled","result":"已出警处置"}';
const now = 1_790_000_000_000;

t.test('we sign timestamp + "." + body with HMAC-SHA256, as a partner would compute it', async (t) => {
  const headers = signatureHeaders(secret, body, now);
  const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
  t.same(headers, { 'x-hotline-timestamp': String(now), 'x-hotline-signature': `sha256=${expected}` });
});

t.test('a signature over the same bytes verifies; any change to body, timestamp or secret does not', async (t) => {
  const { 'x-hotline-timestamp': timestamp, 'x-hotline-signature': signature } = signatureHeaders(secret, body, now);
  t.same(verifySignature(secret, { timestamp, signature }, Buffer.from(body), now + 1000), { ok: true });
  t.same(verifySignature(secret, { timestamp, signature: signature!.toUpperCase().replace('SHA256', 'sha256') }, body, now), { ok: true }, 'hex case does not matter');
  t.match(verifySignature(secret, { timestamp, signature }, body.replace('handled', 'rejected'), now), { ok: false, reason: /does not match/ });
  t.match(verifySignature(secret, { timestamp: String(now + 1), signature }, body, now), { ok: false, reason: /does not match/ });
  t.match(verifySignature('another-secret-altogether', { timestamp, signature }, body, now), { ok: false, reason: /does not match/ });
});

t.test('missing, malformed and stale headers are refused, each saying why', async (t) => {
  const { 'x-hotline-timestamp': timestamp, 'x-hotline-signature': signature } = signatureHeaders(secret, body, now);
  t.match(verifySignature(secret, { timestamp, signature: undefined }, body, now), { ok: false, reason: /send X-Hotline-Timestamp and X-Hotline-Signature/ });
  t.match(verifySignature(secret, { timestamp: '2026-11-24T10:00:00Z', signature }, body, now), { ok: false, reason: /unix time in milliseconds/ });
  t.match(verifySignature(secret, { timestamp, signature: 'md5=abc' }, body, now), { ok: false, reason: /sha256=<64 hex digits>/ });
  t.match(verifySignature(secret, { timestamp, signature }, body, now + 5 * 60_000 + 1), { ok: false, reason: /300 s away.*more than 300 s is refused/ });
  t.match(verifySignature(secret, { timestamp, signature }, body, now - 6 * 60_000), { ok: false, reason: /360 s away/ }, 'a timestamp from the future is as stale');
  t.same(verifySignature(secret, { timestamp, signature }, body, now + 5 * 60_000), { ok: true }, 'five minutes exactly is still accepted');
});
