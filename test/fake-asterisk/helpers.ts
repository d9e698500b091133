import ari, { type Client } from 'ari-client';
import type { Test } from 'tap';
import { FakeAsterisk, type FakeAsteriskOptions } from './index.js';

export const APP = 'hotline12345';

/** A started fake and an ari-client connected to it with the app subscribed; both closed at teardown. */
export async function connected(t: Test, options: FakeAsteriskOptions = {}): Promise<{ asterisk: FakeAsterisk; client: Client; url: string }> {
  const asterisk = new FakeAsterisk({ user: 'ari', password: 'secret', ...options });
  const { url } = await asterisk.start();
  const client = await ari.connect(url, 'ari', 'secret');
  await client.start(APP);
  t.teardown(async () => {
    client.stop();
    await asterisk.stop();
  });
  return { asterisk, client, url };
}

/** The next event of this type the client receives. */
export function next<T = Record<string, unknown>>(client: Client, type: string): Promise<T> {
  return new Promise((resolve) => (client as unknown as NodeJS.EventEmitter).once(type, (event: T) => resolve(event)));
}

/** Records every event type the client receives, in order. */
export function eventLog(client: Client): Array<{ type: string } & Record<string, unknown>> {
  const log: Array<{ type: string } & Record<string, unknown>> = [];
  (client as unknown as NodeJS.EventEmitter).on('*', (event: { type: string } & Record<string, unknown>) => log.push(event));
  return log;
}

/** Places a call and waits until the client has its StasisStart, so later event logs start clean. */
export async function callIn(asterisk: FakeAsterisk, client: Client, caller = '13800001234') {
  const started = next(client, 'StasisStart');
  const call = asterisk.placeCall({ caller });
  await started;
  return call;
}

/** Resolves once the log holds n events. */
export function waitForCount(client: Client, log: unknown[], n: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (log.length < n) return;
      (client as unknown as NodeJS.EventEmitter).off('*', check);
      resolve();
    };
    (client as unknown as NodeJS.EventEmitter).on('*', check);
    setImmediate(check);
  });
}
