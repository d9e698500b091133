import type { EventEmitter } from 'node:events';
import ari, { type Client } from 'ari-client';
import type { Log } from '../log.js';
import { normaliseAriError } from './ari-errors.js';
import { TelephonyError } from './types.js';

export interface ConnectionOptions {
  url: string;
  user: string;
  password: string;
  app: string;
  logger: Log;
  /** Backoff between whole reconnects, doubling from the first to the cap. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Give up on one attempt to load the api-docs after this long (a half-open Asterisk can hang it). */
  connectTimeoutMs?: number;
}

export interface ConnectionHandlers {
  /** Every event the app receives, as ari-client hands it over. */
  event(raw: unknown): void;
  connected(connected: boolean): void;
}

type SessionEnd = 'failed' | 'lost' | 'replaced' | 'stopped';

/**
 * Keeps one ari-client connected to the app, forever, until stop(). ari-client never
 * retries its first connect() and gives up on its WebSocket after about ten tries
 * (WebSocketMaxRetries), which an Asterisk restart can exhaust; so each session is a fresh
 * client, and sessions follow each other with capped exponential backoff.
 */
export class AriConnection {
  /** The client of the live session, only while its WebSocket is up. */
  client: Client | null = null;
  private stopped = true;
  private endSession: ((why: SessionEnd) => void) | null = null;
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: ConnectionOptions,
    private readonly handlers: ConnectionHandlers,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.endSession?.('stopped');
    this.wakeUp?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const first = this.options.retryDelayMs ?? 500;
    const cap = this.options.maxRetryDelayMs ?? 30_000;
    let delay = first;
    while (!this.stopped) {
      const { why, wasUp } = await this.session();
      if (why === 'replaced') {
        // Another connection (most likely a newer instance of this service) owns the app now;
        // taking it back would start a tug of war, so this instance stays quiet.
        this.options.logger.error({ app: this.options.app }, 'another connection took over the Stasis app; no longer reconnecting');
        this.stopped = true;
      }
      if (this.stopped) return;
      if (wasUp) delay = first;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
      delay = Math.min(delay * 2, cap);
    }
  }

  private async session(): Promise<{ why: SessionEnd; wasUp: boolean }> {
    const { url, user, password, app, logger } = this.options;
    const ended = new Promise<SessionEnd>((resolve) => (this.endSession = resolve));
    let client: Client | null = null;
    let wasUp = false;
    try {
      await this.preflight();
      client = await race(withTimeout(ari.connect(url, user, password), this.options.connectTimeoutMs ?? 10_000), ended);
      if (!client) return { why: 'stopped', wasUp };
      this.listen(client);
      // No timeout here: abandoning a client while its WebSocket retry is pending would leave a
      // zombie that later takes the app over. ari-client ends start() itself after its retries.
      if ((await race(client.start(app), ended)) === null) return { why: await ended, wasUp };
      this.client = client;
      wasUp = true;
      this.handlers.connected(true);
      return { why: await ended, wasUp };
    } catch (err) {
      if (!this.stopped) logger.warn({ err: normaliseAriError(err).message, url }, 'cannot reach Asterisk ARI; retrying');
      return { why: 'failed', wasUp };
    } finally {
      this.endSession = null;
      this.client = null;
      if (client) close(client);
      if (wasUp) this.handlers.connected(false);
    }
  }

  /**
   * ari-client hands a failed api-docs load to swagger-client, which throws from inside its
   * HTTP callback (an uncaught exception that would end the process) on a 401, or on the 503
   * Asterisk answers while booting. So check the api-docs answer ourselves first.
   */
  private async preflight(): Promise<void> {
    const { url, user, password } = this.options;
    const res = await fetch(new URL('/ari/api-docs/resources.json', url), {
      headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
      signal: AbortSignal.timeout(this.options.connectTimeoutMs ?? 10_000),
    });
    await res.arrayBuffer();
    if (!res.ok) throw new TelephonyError(`ARI api-docs answered ${res.status}`, res.status === 401 ? 'invalid' : 'unavailable');
  }

  private listen(client: Client): void {
    const emitter = client as unknown as EventEmitter;
    // The typings list named events only; '*' hands over every raw event.
    emitter.on('*', (event: unknown) => this.handlers.event(event));
    emitter.on('WebSocketReconnecting', () => {
      if (client === this.client) this.handlers.connected(false);
    });
    emitter.on('WebSocketConnected', () => {
      if (client === this.client) this.handlers.connected(true);
    });
    emitter.on('WebSocketMaxRetries', () => {
      this.options.logger.warn({ url: this.options.url }, 'ari-client gave up on the WebSocket; starting a fresh connection');
      this.endSession?.('lost');
    });
    emitter.on('ApplicationReplaced', () => this.endSession?.('replaced'));
  }
}

function close(client: Client): void {
  const emitter = client as unknown as EventEmitter;
  emitter.removeAllListeners();
  // A WebSocket retry already scheduled inside ari-client still runs after stop(); close
  // whatever it opens.
  emitter.on('WebSocketConnected', () => client.stop());
  try {
    client.stop();
  } catch {
    // Its WebSocket was never opened.
  }
}

/** The promise's value, or null if the session ends first. */
function race<T>(promise: Promise<T>, ended: Promise<SessionEnd>): Promise<T | null> {
  return Promise.race([promise, ended.then(() => null)]);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TelephonyError(`no answer from ARI within ${ms} ms`, 'unavailable')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
