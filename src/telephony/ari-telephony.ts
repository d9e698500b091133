import type { EventEmitter } from 'node:events';
import ari, { type Client } from 'ari-client';
import type { Log } from '../log.js';
import { normaliseAriError } from './ari-errors.js';
import { HangupCauses, toChannelInfo, toTelephonyEvent } from './ari-events.js';
import {
  TelephonyError,
  type BridgeInfo,
  type BridgeType,
  type ChannelInfo,
  type OriginateRequest,
  type Telephony,
  type TelephonyEvent,
  type TelephonyListener,
} from './types.js';

export interface AriTelephonyOptions {
  url: string;
  user: string;
  password: string;
  app: string;
  logger: Log;
  /** Backoff between whole reconnects, doubling from the first to the cap. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** ari-client's connect() can hang on a half-open Asterisk; give up on it after this. */
  connectTimeoutMs?: number;
}

/**
 * The only code that speaks ARI. ari-client never retries its first connect and gives up on
 * its WebSocket after about ten tries, which an Asterisk restart can exhaust; so this wraps
 * it in a loop that makes a fresh client, with backoff, until stop().
 */
export class AriTelephony implements Telephony {
  private client: Client | null = null;
  private isConnected = false;
  private stopped = true;
  private giveUp: (() => void) | null = null;
  private readonly listeners: TelephonyListener[] = [];
  private readonly causes = new HangupCauses();
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly options: AriTelephonyOptions) {}

  get connected(): boolean {
    return this.isConnected;
  }

  onEvent(listener: TelephonyListener): void {
    this.listeners.push(listener);
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.connectLoop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.giveUp?.();
    this.closeClient();
    await this.loop;
    this.setConnected(false);
  }

  answer(channelId: string): Promise<void> {
    return this.call((c) => c.channels.answer({ channelId }));
  }

  play(channelId: string, media: string[], playbackId: string): Promise<void> {
    return this.call((c) => c.channels.play({ channelId, media, playbackId } as never));
  }

  stopPlayback(playbackId: string): Promise<void> {
    return this.call((c) => c.playbacks.stop({ playbackId }), true);
  }

  hangup(channelId: string, reason: 'normal' | 'busy' | 'congestion' | 'no_answer' = 'normal'): Promise<void> {
    return this.call((c) => c.channels.hangup({ channelId, reason }), true);
  }

  startMohOnChannel(channelId: string, mohClass?: string): Promise<void> {
    return this.call((c) => c.channels.startMoh({ channelId, mohClass }));
  }

  stopMohOnChannel(channelId: string): Promise<void> {
    return this.call((c) => c.channels.stopMoh({ channelId }), true);
  }

  startRingingOnChannel(channelId: string): Promise<void> {
    return this.call((c) => c.channels.ring({ channelId }));
  }

  async createBridge(bridgeId: string, type: BridgeType, name: string): Promise<void> {
    const ariType = type === 'mixing' ? 'mixing,dtmf_events' : 'holding';
    try {
      await this.request((c) => c.bridges.createWithId({ bridgeId, type: ariType, name }));
    } catch (err) {
      // Asterisk 22 answers "Bridge with id '…' already exists" rather than updating it; a
      // bridge that outlived a restart of the service is the one we wanted.
      if (!(err instanceof TelephonyError && err.kind === 'conflict')) throw err;
    }
  }

  addToBridge(bridgeId: string, channelIds: string[]): Promise<void> {
    return this.call((c) => c.bridges.addChannel({ bridgeId, channel: channelIds }));
  }

  removeFromBridge(bridgeId: string, channelIds: string[]): Promise<void> {
    return this.call((c) => c.bridges.removeChannel({ bridgeId, channel: channelIds }), true);
  }

  destroyBridge(bridgeId: string): Promise<void> {
    return this.call((c) => c.bridges.destroy({ bridgeId }), true);
  }

  startMohOnBridge(bridgeId: string, mohClass?: string): Promise<void> {
    return this.call((c) => c.bridges.startMoh({ bridgeId, mohClass }));
  }

  originate(request: OriginateRequest): Promise<void> {
    return this.call((c) =>
      c.channels.originate({
        endpoint: request.endpoint,
        channelId: request.channelId,
        app: this.options.app,
        appArgs: request.appArgs.join(','),
        callerId: request.callerId,
        timeout: request.timeoutSeconds,
        variables: request.variables,
      } as never),
    );
  }

  async listChannels(): Promise<ChannelInfo[]> {
    const channels = await this.request((c) => c.channels.list());
    return (channels as unknown[]).map(toChannelInfo).filter((c): c is ChannelInfo => c !== null);
  }

  async listBridges(): Promise<BridgeInfo[]> {
    const bridges = (await this.request((c) => c.bridges.list())) as unknown as Array<{ id: string; bridge_type: string; channels: string[] }>;
    return bridges.map((b) => ({ id: b.id, type: b.bridge_type, channelIds: [...b.channels] }));
  }

  private async call(op: (c: Client) => Promise<unknown>, goneIsFine = false): Promise<void> {
    try {
      await this.request(op);
    } catch (err) {
      // Hanging up what is already gone is what we wanted anyway.
      if (goneIsFine && err instanceof TelephonyError && err.kind === 'not-found') return;
      throw err;
    }
  }

  private async request<T>(op: (c: Client) => Promise<T>): Promise<T> {
    const client = this.client;
    if (!client || !this.isConnected) throw new TelephonyError('Asterisk is not connected', 'unavailable');
    try {
      return await op(client);
    } catch (err) {
      throw normaliseAriError(err);
    }
  }

  private async connectLoop(): Promise<void> {
    const { url, user, password, app, logger } = this.options;
    const first = this.options.retryDelayMs ?? 500;
    const cap = this.options.maxRetryDelayMs ?? 30_000;
    let delay = first;
    while (!this.stopped) {
      try {
        const client = await withTimeout(ari.connect(url, user, password), this.options.connectTimeoutMs ?? 10_000);
        if (this.stopped) return;
        this.client = client;
        const gaveUp = new Promise<void>((resolve) => (this.giveUp = resolve));
        this.attach(client);
        await client.start(app);
        this.setConnected(true);
        delay = first;
        await gaveUp;
      } catch (err) {
        if (!this.stopped) logger.warn({ err: normaliseAriError(err).message, retryInMs: delay }, 'cannot reach Asterisk ARI; retrying');
      }
      this.closeClient();
      this.setConnected(false);
      if (this.stopped) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.giveUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      delay = Math.min(delay * 2, cap);
    }
  }

  private attach(client: Client): void {
    const { logger } = this.options;
    // The typings list named events only; '*' hands over the raw event JSON, which our guards read.
    (client as unknown as EventEmitter).on('*', (event: unknown) => {
      const mapped = toTelephonyEvent(event, this.causes);
      if (mapped) this.emit(mapped);
    });
    client.on('WebSocketReconnecting', () => {
      if (client === this.client) this.setConnected(false);
    });
    client.on('WebSocketConnected', () => {
      if (client === this.client) this.setConnected(true);
    });
    client.on('WebSocketMaxRetries', () => {
      logger.warn({}, 'ari-client gave up on the WebSocket; starting a fresh connection');
      if (client === this.client) this.giveUp?.();
    });
  }

  private closeClient(): void {
    const client = this.client;
    this.client = null;
    this.giveUp = null;
    if (!client) return;
    (client as unknown as EventEmitter).removeAllListeners();
    try {
      client.stop();
    } catch {
      // Its WebSocket was never opened or is already closed.
    }
  }

  private setConnected(connected: boolean): void {
    if (this.isConnected === connected) return;
    this.isConnected = connected;
    this.options.logger.info({ url: this.options.url, app: this.options.app }, connected ? 'connected to Asterisk' : 'disconnected from Asterisk');
    this.emit({ type: 'connection', connected });
  }

  private emit(event: TelephonyEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.options.logger.error({ err, event: event.type }, 'telephony listener failed');
      }
    }
  }
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
