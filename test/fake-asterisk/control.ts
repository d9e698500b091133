import type { Engine, SentEvent } from './engine.js';
import type { RequestLogEntry } from './http.js';
import { bridgeJson, bridgeType, channelJson, playbackJson, type FakeChannel } from './model.js';
import { CallHandle } from './call-handle.js';
import { answerLeg, noAnswer, refuseLeg, type Refusal } from './originate.js';

export { CallHandle };

export interface PlaceCallOptions {
  /** The citizen's number as the carrier presents it. */
  caller: string;
  /** The number dialled; default 12345. */
  exten?: string;
  callerName?: string;
  /** The Stasis app the dialplan sends the call to. */
  app?: string;
  channelId?: string;
}

export interface OriginatedLeg {
  id: string;
  endpoint: string;
  /** What the agent's phone shows: the originate's callerId. */
  caller: { name: string; number: string };
  appArgs: string[];
  callerId: string;
  timeoutSeconds: number;
  variables: Record<string, string>;
  outcome: 'ringing' | 'answered' | 'failed';
}

/**
 * The test's side of the fake: the far ends of calls (callers, agents' phones), and probes
 * that wait, event-driven, for the product to have done something.
 */
export class Control {
  /** Every REST call the product made (api-docs excluded), in order. */
  readonly requests: RequestLogEntry[] = [];
  /** Every event sent to an app, in order. */
  readonly events: SentEvent[] = [];
  protected appsOnline: () => string[] = () => [];
  private readonly handedOut = new Set<string>();

  constructor(
    protected readonly engine: Engine,
    private readonly defaultApp: string,
  ) {
    engine.on('event', (e: SentEvent) => this.events.push(e));
  }

  /** The Stasis apps with a connected WebSocket. */
  apps(): string[] {
    return this.appsOnline();
  }

  // ---- callers ------------------------------------------------------------------------

  /** A call reaches Stasis(app) from the dialplan: StasisStart with no args, state Ring. */
  placeCall(options: PlaceCallOptions): CallHandle {
    const app = options.app ?? this.defaultApp;
    if (!this.apps().includes(app)) throw new Error(`Stasis app '${app}' is not connected: Asterisk would drop this call`);
    const e = this.engine;
    const c = e.newChannel({
      id: options.channelId ?? e.uniqueId(),
      name: e.channelName('PJSIP/carrier'),
      state: 'Ring',
      caller: { name: options.callerName ?? '', number: options.caller },
      dialplan: { context: 'from-carrier', exten: options.exten ?? '12345', priority: 2, app_name: 'Stasis', app_data: app },
    });
    e.enterStasis(c, app, []);
    return new CallHandle(this, c.id);
  }

  /** The caller presses keys: one ChannelDtmfReceived per digit, when Asterisk would deliver it. Returns how many were delivered. */
  press(channelId: string, digits: string, { durationMs = 120 }: { durationMs?: number | undefined } = {}): number {
    const c = this.live(channelId);
    return [...digits].filter((d) => this.engine.dtmf(c, d, durationMs)).length;
  }

  pressKeys(channelId: string, digits: string): number {
    return this.press(channelId, digits);
  }

  /** The far end hangs up (the citizen puts the phone down, the agent hangs up). */
  hangup(channelId: string, cause = 16): void {
    this.engine.endChannel(this.live(channelId), cause, false);
  }

  // ---- playbacks ----------------------------------------------------------------------

  /** The current media item of a playback ends (PlaybackContinuing, or PlaybackFinished after the last). */
  finishMedia(playbackId: string): void {
    this.engine.media.advance(playbackId);
  }

  /** The whole playback plays to its end. */
  finishPlayback(playbackId: string): void {
    const media = this.engine.media;
    if (!media.playbacks.has(playbackId)) throw new Error(`no playback ${playbackId}`);
    if (media.playbacks.get(playbackId)!.state !== 'playing') throw new Error(`playback ${playbackId} has not started`);
    while (media.playbacks.has(playbackId)) media.advance(playbackId);
  }

  /** The file could not be played (a missing sound): PlaybackFinished with state failed. */
  failPlayback(playbackId: string): void {
    this.engine.media.finish(playbackId, 'failed');
  }

  /** Plays out everything playing or queued on the channel. */
  finishPlaybacksOn(channelId: string): void {
    const target = `channel:${channelId}`;
    for (let p = this.engine.media.current(target); p; p = this.engine.media.current(target)) this.finishPlayback(p.id);
  }

  /** Waits for a playback on the channel (matching `media` if given), then plays it to its end. */
  async finishPrompt(channelId: string, media?: string | RegExp): Promise<void> {
    const playback = await this.waitForPlayback(channelId, media);
    this.finishPlayback(playback.id);
  }

  /** Playbacks on the channel, playing first, then those queued behind it. */
  playbacksOn(channelId: string) {
    return this.engine.media.on(`channel:${channelId}`).map(playbackJson);
  }

  /** Every media URI that started playing to the channel, in order. */
  played(channelId: string): string[] {
    return [...(this.engine.media.heard.get(`channel:${channelId}`) ?? [])];
  }

  playedOnBridge(bridgeId: string): string[] {
    return [...(this.engine.media.heard.get(`bridge:${bridgeId}`) ?? [])];
  }

  /** Finish every playback item this many ms after it starts (null: wait for the test). */
  autoFinishPlaybacks(ms: number | null): void {
    this.engine.media.autoFinishMs = ms;
  }

  // ---- originated legs (agents' phones) ---------------------------------------------------

  originated(): OriginatedLeg[] {
    return this.engine.originated.map((c) => {
      const o = c.origination!;
      return { id: c.id, endpoint: o.endpoint, caller: { ...c.caller }, appArgs: [...o.appArgs], callerId: o.callerId, timeoutSeconds: o.timeoutSeconds, variables: { ...o.variables }, outcome: o.outcome };
    });
  }

  /** Legs ringing now, optionally only those to the endpoint. */
  ringing(endpoint?: string): OriginatedLeg[] {
    return this.originated().filter((l) => l.outcome === 'ringing' && this.engine.channels.has(l.id) && (!endpoint || l.endpoint === endpoint));
  }

  /** The agent picks up: the leg is answered and enters Stasis with its appArgs. */
  answerLeg(channelId: string): void {
    answerLeg(this.engine, channelId);
  }

  answer(channelId: string): void {
    this.answerLeg(channelId);
  }

  rejectLeg(channelId: string, how: Refusal = 'busy'): void {
    refuseLeg(this.engine, channelId, how);
  }

  /** The originate's timeout passes now. */
  timeoutLeg(channelId: string): void {
    const leg = this.engine.channels.get(channelId);
    if (!leg?.origination) throw new Error(`${channelId} is not an originated leg`);
    noAnswer(this.engine, leg);
  }

  /** Whether an endpoint exists and has a registered device; 'absent' removes it. */
  setEndpoint(endpoint: string, state: 'online' | 'offline' | 'absent'): void {
    if (state === 'absent') this.engine.endpoints.delete(endpoint);
    else this.engine.endpoints.set(endpoint, state);
  }

  // ---- what Asterisk holds --------------------------------------------------------------

  channel(id: string) {
    const c = this.engine.channels.get(id);
    return c ? this.describe(c) : undefined;
  }

  channels() {
    return [...this.engine.channels.values()].map((c) => this.describe(c));
  }

  bridges() {
    return this.engine.bridges.list().map((b) => ({ ...bridgeJson(b), type: bridgeType(b), flags: b.flags.join(','), moh: b.moh }));
  }

  bridge(id: string) {
    return this.bridges().find((b) => b.id === id);
  }

  /** The bridge the channel is in, if any. */
  bridgeOf(channelId: string) {
    const id = this.engine.channels.get(channelId)?.bridgeId;
    return id ? this.bridge(id) : undefined;
  }

  recordings() {
    const m = this.engine.media;
    return {
      live: [...m.live.values()].map((r) => ({ name: r.name, format: r.format, target: r.target, state: r.state })),
      stored: [...m.stored.keys()],
    };
  }

  /** The next `n` fetches of a stored recording's file fail with 500. */
  failRecordingFetches(n: number): void {
    this.engine.media.fileFailures = n;
  }

  /** A live recording ends (its maximum duration, say). */
  stopRecording(name: string): void {
    this.engine.media.stopRecording(name);
  }

  /** Hangs up every channel and destroys every bridge, with the events Asterisk sends. */
  reset(): void {
    this.engine.reset();
    this.handedOut.clear();
  }

  // ---- waiting ----------------------------------------------------------------------------

  /** Calls the listener after every change of state, event sent or request answered; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.engine.on('change', listener);
    return () => this.engine.off('change', listener);
  }

  /** Resolves with the probe's first truthy value, re-checked whenever the fake's state changes. */
  waitFor<T>(probe: () => T | null | undefined | false, timeoutMs = 10_000, what = 'a condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.engine.off('change', check);
      };
      const check = () => {
        let value: T | null | undefined | false;
        try {
          value = probe();
        } catch (err) {
          done();
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        if (value) {
          done();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`fake Asterisk: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.engine.on('change', check);
      check();
    });
  }

  waitForApp(app = this.defaultApp, timeoutMs?: number): Promise<true> {
    return this.waitFor(() => this.apps().includes(app), timeoutMs, `app ${app} to connect`);
  }

  /** The next originated leg (optionally to this endpoint) not yet returned by an earlier call. */
  async waitForOriginate(endpoint?: string, timeoutMs?: number): Promise<OriginatedLeg> {
    const leg = await this.waitFor(
      () => this.originated().find((l) => !this.handedOut.has(l.id) && (!endpoint || l.endpoint === endpoint)),
      timeoutMs,
      `an originate${endpoint ? ` to ${endpoint}` : ''}`,
    );
    this.handedOut.add(leg.id);
    return leg;
  }

  /** The next leg to ring at the endpoint (not returned before), once it rings. */
  async waitForRinging(endpoint?: string, timeoutMs?: number): Promise<OriginatedLeg> {
    const leg = await this.waitFor(
      () => this.ringing(endpoint).find((l) => !this.handedOut.has(l.id)),
      timeoutMs,
      `a leg ringing${endpoint ? ` at ${endpoint}` : ''}`,
    );
    this.handedOut.add(leg.id);
    return leg;
  }

  /** The playback now playing on the channel, once there is one (whose current media matches, if given). */
  waitForPlayback(channelId: string, media?: string | RegExp, timeoutMs?: number) {
    const matches = (uri: string) => media === undefined || (typeof media === 'string' ? uri === media : media.test(uri));
    return this.waitFor(() => {
      const p = this.engine.media.current(`channel:${channelId}`);
      return p && matches(p.media[p.index]!) ? playbackJson(p) : undefined;
    }, timeoutMs, `a playback${media ? ` of ${String(media)}` : ''} on ${channelId}`);
  }

  /** All the channels are in one bridge together. */
  waitForBridged(channelIds: string[], timeoutMs?: number) {
    return this.waitFor(() => {
      const bridge = this.bridgeOf(channelIds[0]!);
      return bridge && channelIds.every((id) => bridge.channels.includes(id)) ? bridge : undefined;
    }, timeoutMs, `${channelIds.join(', ')} bridged together`);
  }

  /** The channel no longer exists. */
  waitForGone(channelId: string, timeoutMs?: number): Promise<true> {
    return this.waitFor(() => !this.engine.channels.has(channelId), timeoutMs, `${channelId} to be gone`);
  }

  /** The first event of the type sent from now on (or since an index into `events`). */
  waitForEvent(type: string, match: (body: Record<string, unknown>) => boolean = () => true, timeoutMs?: number, since = this.events.length) {
    return this.waitFor(() => this.events.slice(since).find((e) => e.type === type && match(e.body)), timeoutMs, `event ${type}`);
  }

  /** The first REST call matching method and path made from now on (or since an index into `requests`). */
  waitForRequest(method: string, path: string | RegExp, timeoutMs?: number, since = this.requests.length) {
    const matches = (p: string) => (typeof path === 'string' ? p === path : path.test(p));
    return this.waitFor(() => this.requests.slice(since).find((r) => r.method === method && matches(r.path)), timeoutMs, `${method} ${String(path)}`);
  }

  private live(channelId: string): FakeChannel {
    const c = this.engine.channels.get(channelId);
    if (!c) throw new Error(`fake Asterisk has no channel ${channelId}`);
    return c;
  }

  private describe(c: FakeChannel) {
    return { ...channelJson(c), app: c.app, bridgeId: c.bridgeId, moh: c.moh, ringing: c.ringing, variables: { ...c.variables } };
  }
}
