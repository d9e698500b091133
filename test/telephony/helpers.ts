import type { Test } from 'tap';
import { createLogger } from '../../src/log.js';
import { AriTelephony } from '../../src/telephony/ari-telephony.js';
import type { TelephonyEvent } from '../../src/telephony/types.js';
import { FakeAsterisk, type FakeAsteriskOptions } from '../fake-asterisk/index.js';

export const APP = 'hotline12345';

export interface Setup {
  asterisk: FakeAsterisk;
  telephony: AriTelephony;
  /** Every TelephonyEvent emitted, in order. */
  events: TelephonyEvent[];
  /** The next emitted event that matches, from now on. */
  next<T extends TelephonyEvent['type']>(type: T, match?: (e: Extract<TelephonyEvent, { type: T }>) => boolean): Promise<Extract<TelephonyEvent, { type: T }>>;
}

/** A fake Asterisk and an adapter with quick backoff, both stopped at teardown; connected unless told not to start. */
export async function setup(t: Test, options: FakeAsteriskOptions & { startAsterisk?: boolean; adapterPassword?: string } = {}): Promise<Setup> {
  const asterisk = new FakeAsterisk({ user: 'ari', password: 'secret', ...options });
  const url = options.startAsterisk === false ? await reservePort(asterisk) : (await asterisk.start()).url;
  const telephony = new AriTelephony({
    url,
    user: 'ari',
    password: options.adapterPassword ?? 'secret',
    app: APP,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    retryDelayMs: 20,
    maxRetryDelayMs: 100,
    connectTimeoutMs: 1000,
  });
  const events: TelephonyEvent[] = [];
  const waiters: Array<(e: TelephonyEvent) => boolean> = [];
  telephony.onEvent((e) => {
    events.push(e);
    for (const w of [...waiters]) if (w(e)) waiters.splice(waiters.indexOf(w), 1);
  });
  t.teardown(async () => {
    await telephony.stop();
    await asterisk.stop();
  });
  const next: Setup['next'] = (type, match = () => true) =>
    new Promise((resolve) => {
      waiters.push((e) => {
        if (e.type !== type || !match(e as never)) return false;
        resolve(e as never);
        return true;
      });
    });
  const up = next('connection');
  await telephony.start();
  if (options.startAsterisk !== false && !options.adapterPassword) await up;
  return { asterisk, telephony, events, next };
}

/** Starts and stops the fake once, so its port is known while it is down. */
async function reservePort(asterisk: FakeAsterisk): Promise<string> {
  const { url } = await asterisk.start();
  await asterisk.stop();
  return url;
}

/** The TelephonyError kind an operation fails with, or 'none'. */
export function kindOf(operation: Promise<unknown>): Promise<string> {
  return operation.then(
    () => 'none',
    (err: { kind?: string }) => err.kind ?? 'not a TelephonyError',
  );
}
