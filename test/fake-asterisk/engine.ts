import { EventEmitter } from 'node:events';
import { Bridges } from './bridges.js';
import { Media } from './media.js';
import { causeText, channelJson, HttpError, timestamp, type ChannelState, type FakeChannel } from './model.js';
import type { Params } from './params.js';

export interface SentEvent {
  app: string;
  type: string;
  body: Record<string, unknown>;
  /** performance.now() when it was handed to the WebSocket. */
  at: number;
}

export interface EngineOptions {
  asteriskId: string;
  /** Endpoints that exist and are reachable, e.g. "PJSIP/1001"; undefined accepts any tech/resource. */
  endpoints?: string[];
  /** The cause in ChannelDestroyed when an originate times out (0 before Asterisk fixed #1660, 19 after). */
  noAnswerCause: number;
}

const hangupReasons: Record<string, number> = {
  normal: 16,
  busy: 17,
  congestion: 34,
  no_answer: 19,
  timeout: 18,
  rejected: 21,
  unallocated: 1,
  normal_unspecified: 31,
  number_incomplete: 28,
  codec_mismatch: 58,
  interworking: 127,
  failure: 38,
  answered_elsewhere: 26,
};

/**
 * The state and behaviour of the fake Asterisk apart from HTTP. REST operations return their
 * JSON or throw HttpError with Asterisk's status and message; every change sends the events
 * Asterisk 22 would send, to the app that would receive them. Emits 'event' (SentEvent) and
 * 'change' after anything happened.
 */
export class Engine extends EventEmitter {
  readonly channels = new Map<string, FakeChannel>();
  readonly originated: FakeChannel[] = [];
  readonly bridges: Bridges;
  readonly media: Media;
  /** Endpoints known to exist, with whether a device is registered. */
  readonly endpoints = new Map<string, 'online' | 'offline'>();
  private seq = 0;

  constructor(readonly options: EngineOptions) {
    super();
    for (const e of options.endpoints ?? []) this.endpoints.set(e, 'online');
    this.bridges = new Bridges(this);
    this.media = new Media(this);
  }

  nextSeq(): number {
    return ++this.seq;
  }

  uniqueId(): string {
    return `${Math.floor(Date.now() / 1000)}.${this.nextSeq()}`;
  }

  send(app: string | null, type: string, body: Record<string, unknown>): void {
    if (app) {
      const event = { type, timestamp: timestamp(), ...body, asterisk_id: this.options.asteriskId, application: app };
      this.emit('event', { app, type, body: event, at: performance.now() } satisfies SentEvent);
    }
    this.emit('change');
  }

  /** The app that hears about a channel: the one it is in, or the one that originated it. */
  appOf(c: FakeChannel): string | null {
    return c.app ?? c.subscribedApp;
  }

  sendChannel(c: FakeChannel, type: string, body: Record<string, unknown> = {}): void {
    this.send(this.appOf(c), type, { ...body, channel: channelJson(c) });
  }

  channel(id: string): FakeChannel {
    const c = this.channels.get(id);
    if (!c) throw new HttpError(404, 'Channel not found');
    return c;
  }

  /** Asterisk's find_control: 404 if the channel does not exist, 409 if it is not in Stasis. */
  controlled(id: string): FakeChannel {
    const c = this.channel(id);
    if (!c.app) throw new HttpError(409, 'Channel not in Stasis application');
    return c;
  }

  /** Asterisk's channel_state_invalid: outbound channels not yet answered cannot be manipulated. */
  controlledAndAnswerable(id: string): FakeChannel {
    const c = this.controlled(id);
    if (c.state === 'Down' || c.state === 'Ringing') throw new HttpError(412, 'Channel in invalid state');
    return c;
  }

  newChannel(fields: Partial<FakeChannel> & Pick<FakeChannel, 'id' | 'name' | 'state'>): FakeChannel {
    const c: FakeChannel = {
      caller: { name: '', number: '' },
      connected: { name: '', number: '' },
      dialplan: { context: 'default', exten: 's', priority: 1, app_name: '', app_data: '' },
      creationtime: timestamp(),
      language: 'en',
      app: null,
      subscribedApp: null,
      bridgeId: null,
      moh: null,
      ringing: false,
      hangupCause: 0,
      variables: {},
      origination: null,
      ...fields,
    };
    this.channels.set(c.id, c);
    return c;
  }

  channelName(resource: string): string {
    return `${resource}-${this.nextSeq().toString(16).padStart(8, '0')}`;
  }

  setState(c: FakeChannel, state: ChannelState): void {
    if (c.state === state) return;
    c.state = state;
    this.sendChannel(c, 'ChannelStateChange');
  }

  /** The channel runs Stasis(app,args): from the dialplan, or an originated leg that answered. */
  enterStasis(c: FakeChannel, app: string, args: string[]): void {
    c.app = app;
    c.dialplan = { ...c.dialplan, app_name: 'Stasis', app_data: [app, ...args].join(',') };
    this.send(app, 'StasisStart', { args, channel: channelJson(c) });
  }

  // ---- REST: channels ----------------------------------------------------------------

  answer(id: string): void {
    this.setState(this.controlledAndAnswerable(id), 'Up');
  }

  ring(id: string, on: boolean): void {
    this.controlledAndAnswerable(id).ringing = on;
    this.emit('change');
  }

  moh(id: string, mohClass: string | null): void {
    const c = this.controlledAndAnswerable(id);
    c.moh = mohClass;
    this.emit('change');
  }

  hold(id: string, on: boolean): void {
    const c = this.controlledAndAnswerable(id);
    this.sendChannel(c, on ? 'ChannelHold' : 'ChannelUnhold');
  }

  hangupFromApp(id: string, params: Params): void {
    const c = this.channel(id);
    const reason = params.get('reason');
    const reasonCode = params.get('reason_code');
    if (reason && reasonCode) throw new HttpError(400, "The reason and reason_code can't both be specified");
    let cause = 16;
    if (reasonCode) {
      cause = Number.parseInt(reasonCode, 10);
      if (Number.isNaN(cause)) throw new HttpError(400, 'Invalid reason for hangup reason code provided');
    } else if (reason) {
      const mapped = hangupReasons[reason];
      if (mapped === undefined) throw new HttpError(400, 'Invalid reason for hangup reason provided');
      cause = mapped;
    }
    // ast_softhangup publishes the request (soft) before the channel leaves Stasis.
    this.endChannel(c, cause, true);
  }

  // ---- events that come from the far end ---------------------------------------------

  /** DTMF reaches the app unless two parties talk in a bridge made without dtmf_events (native RTP bypasses the core). */
  dtmf(c: FakeChannel, digit: string, durationMs: number): boolean {
    if (!c.app) return false;
    const bridge = c.bridgeId ? this.bridges.get(c.bridgeId) : undefined;
    if (bridge && !bridge.flags.includes('holding') && !bridge.flags.includes('dtmf_events') && bridge.channels.length >= 2) return false;
    // The DTMF end frame is published to the app and also read by a recording waiting for its terminateOn key.
    this.sendChannel(c, 'ChannelDtmfReceived', { digit, duration_ms: durationMs });
    this.media.dtmf(`channel:${c.id}`, digit);
    return true;
  }

  /**
   * A channel goes away: hangup request, its playback ends, it leaves its bridge and Stasis.
   * ChannelDestroyed reaches the app only if an originate subscribed it to the channel: a
   * channel that entered from the dialplan is unsubscribed at StasisEnd, before it is destroyed.
   */
  endChannel(c: FakeChannel, cause: number, soft: boolean): void {
    if (!this.channels.has(c.id)) return;
    c.hangupCause = cause;
    this.sendChannel(c, 'ChannelHangupRequest', soft ? { cause, soft: true } : { cause });
    this.media.channelGone(c.id);
    this.bridges.leave(c);
    if (c.app) {
      const app = c.app;
      c.app = null;
      this.send(app, 'StasisEnd', { channel: channelJson(c) });
    }
    this.destroy(c);
  }

  destroy(c: FakeChannel): void {
    if (c.origination?.timer) clearTimeout(c.origination.timer);
    this.channels.delete(c.id);
    this.send(c.subscribedApp, 'ChannelDestroyed', { cause: c.hangupCause, cause_txt: causeText[c.hangupCause] ?? 'Unknown', channel: channelJson(c) });
  }

  /** Asterisk went away: everything is gone and nobody is told. */
  forget(): void {
    for (const c of this.channels.values()) if (c.origination?.timer) clearTimeout(c.origination.timer);
    this.channels.clear();
    this.bridges.forget();
    this.media.clear();
    this.originated.length = 0;
  }

  reset(): void {
    for (const c of [...this.channels.values()]) this.endChannel(c, 16, false);
    this.bridges.clear();
    this.media.clear();
    this.originated.length = 0;
  }
}
