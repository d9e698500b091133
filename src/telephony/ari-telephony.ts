import type { Client } from 'ari-client';
import { normaliseAriError } from './ari-errors.js';
import { HangupCauses, toChannelInfo, toTelephonyEvent } from './ari-events.js';
import { AriConnection, type ConnectionOptions } from './connection.js';
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

export type AriTelephonyOptions = ConnectionOptions & {
  /** How long one ARI request may take before it counts as Asterisk being unavailable. */
  requestTimeoutMs?: number;
};

/**
 * The only code that speaks ARI: the Telephony operations over the generic client API
 * (client.channels.answer({ channelId }), never instance objects, whose listeners ari-client
 * keeps forever), and the app's events mapped to TelephonyEvent. AriConnection keeps the
 * client connected.
 */
export class AriTelephony implements Telephony {
  private isConnected = false;
  private readonly listeners: TelephonyListener[] = [];
  private readonly causes = new HangupCauses();
  private readonly connection: AriConnection;

  private readonly requestTimeoutMs: number;

  constructor(private readonly options: AriTelephonyOptions) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 5000;
    this.connection = new AriConnection(options, {
      event: (raw) => {
        const mapped = toTelephonyEvent(raw, this.causes);
        if (mapped) this.emit(mapped);
      },
      connected: (connected) => this.setConnected(connected),
    });
  }

  get connected(): boolean {
    return this.isConnected;
  }

  onEvent(listener: TelephonyListener): void {
    this.listeners.push(listener);
  }

  async start(): Promise<void> {
    this.connection.start();
  }

  async stop(): Promise<void> {
    await this.connection.stop();
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

  recordBridge(bridgeId: string, name: string): Promise<void> {
    return this.call((c) => c.bridges.record({ bridgeId, name, format: 'wav', ifExists: 'fail', beep: false, terminateOn: 'none' } as never));
  }

  recordChannel(channelId: string, name: string, limits: { maxDurationSeconds: number; maxSilenceSeconds: number }): Promise<void> {
    return this.call((c) =>
      c.channels.record({ channelId, name, format: 'wav', ifExists: 'fail', beep: true, terminateOn: '#', maxDurationSeconds: limits.maxDurationSeconds, maxSilenceSeconds: limits.maxSilenceSeconds } as never),
    );
  }

  /** Straight over HTTP: ari-client would decode the audio as text. */
  async fetchRecording(name: string): Promise<Buffer> {
    const { url, user, password } = this.options;
    let response: Response;
    try {
      response = await fetch(`${url.replace(/\/$/, '')}/ari/recordings/stored/${encodeURIComponent(name)}/file`, {
        headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
        signal: AbortSignal.timeout(60_000),
      });
    } catch (err) {
      throw new TelephonyError(`could not fetch recording ${name}: ${err instanceof Error ? err.message : String(err)}`, 'unavailable');
    }
    if (response.status === 404) throw new TelephonyError(`Asterisk has no recording ${name}`, 'not-found');
    if (!response.ok) throw new TelephonyError(`fetching recording ${name}: Asterisk answered ${response.status}`, 'unknown');
    return Buffer.from(await response.arrayBuffer());
  }

  deleteStoredRecording(name: string): Promise<void> {
    return this.call((c) => c.recordings.deleteStored({ recordingName: name }), true);
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
    const client = this.connection.client;
    if (!client || !this.isConnected) throw new TelephonyError('Asterisk is not connected', 'unavailable');
    // A request in flight when Asterisk dies may never be answered (ari-client sets no
    // timeout), and it would hold up its call's queue forever.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TelephonyError(`no answer from Asterisk within ${this.requestTimeoutMs} ms`, 'unavailable')), this.requestTimeoutMs);
    });
    try {
      return await Promise.race([op(client), timeout]);
    } catch (err) {
      throw normaliseAriError(err);
    } finally {
      clearTimeout(timer);
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
