// The only picture of Asterisk the rest of the service sees. The ARI adapter
// implements it; nothing outside src/telephony imports ari-client.

export type BridgeType = 'holding' | 'mixing';

export interface ChannelInfo {
  id: string;
  name: string;
  state: string;
  callerNumber: string;
  /** The extension the channel was dialled on (dialplan.exten). */
  dialed: string;
  /** Present only when the channel is in a Stasis app. */
  args?: string[];
}

export interface BridgeInfo {
  id: string;
  type: string;
  channelIds: string[];
}

export interface OriginateRequest {
  /** e.g. PJSIP/1001 */
  endpoint: string;
  /** Our own id for the new channel, so its events can be routed before the request returns. */
  channelId: string;
  /** Passed back in the leg's StasisStart, so the event says which call and role it belongs to. */
  appArgs: string[];
  callerId?: string;
  timeoutSeconds: number;
  variables?: Record<string, string>;
}

export type TelephonyEvent =
  /** A channel entered our Stasis app: a new inbound call (args empty) or an originated leg that answered (args = its appArgs). */
  | { type: 'channel-entered'; channel: ChannelInfo; args: string[] }
  | { type: 'channel-state'; channelId: string; state: string }
  | { type: 'dtmf'; channelId: string; digit: string }
  | { type: 'playback-finished'; playbackId: string; channelId: string | null; failed: boolean }
  /**
   * The channel left our app (StasisEnd). On a real Asterisk a caller who hangs up produces
   * ChannelHangupRequest then StasisEnd and no ChannelDestroyed, so this is the end of the
   * channel for us; the cause is the one its hangup request carried, when there was one.
   */
  | { type: 'channel-left'; channelId: string; cause: number | null; causeText: string | null }
  /** The channel is gone (ChannelDestroyed), with the Q.850 cause. Also sent for originated legs that never answered. */
  | { type: 'hangup'; channelId: string; cause: number; causeText: string }
  /** A recording stopped (its bridge was destroyed, or it was stopped) or could not start; the file waits in Asterisk's store. */
  | { type: 'recording-ended'; name: string; failed: boolean; cause: string | null }
  | { type: 'connection'; connected: boolean };

export type TelephonyListener = (event: TelephonyEvent) => void;

export interface Telephony {
  readonly connected: boolean;
  /** Connects in the background and keeps reconnecting, with backoff, forever; resolves at once. */
  start(): Promise<void>;
  stop(): Promise<void>;
  onEvent(listener: TelephonyListener): void;

  answer(channelId: string): Promise<void>;
  /** Plays media URIs (sound:…, digits:…, number:…) one after the other under our own playback id. */
  play(channelId: string, media: string[], playbackId: string): Promise<void>;
  /** Stopping a playback that already ended is not an error. */
  stopPlayback(playbackId: string): Promise<void>;
  /** Hanging up a channel that is already gone is not an error. */
  hangup(channelId: string, reason?: 'normal' | 'busy' | 'congestion' | 'no_answer'): Promise<void>;
  startMohOnChannel(channelId: string, mohClass?: string): Promise<void>;
  stopMohOnChannel(channelId: string): Promise<void>;
  startRingingOnChannel(channelId: string): Promise<void>;

  /**
   * A mixing bridge is created as `mixing,dtmf_events`, so keys pressed while talking still
   * reach us. Creating a bridge whose id already exists is not an error.
   */
  createBridge(bridgeId: string, type: BridgeType, name: string): Promise<void>;
  addToBridge(bridgeId: string, channelIds: string[]): Promise<void>;
  removeFromBridge(bridgeId: string, channelIds: string[]): Promise<void>;
  /** Destroying a bridge that is already gone is not an error. */
  destroyBridge(bridgeId: string): Promise<void>;
  startMohOnBridge(bridgeId: string, mohClass?: string): Promise<void>;

  /** Records everything heard in the bridge into Asterisk's store under `name` (format wav); it ends with the bridge. */
  recordBridge(bridgeId: string, name: string): Promise<void>;
  /** Records what the caller says (beep first; # or the limits end it) into Asterisk's store under `name`. */
  recordChannel(channelId: string, name: string, limits: { maxDurationSeconds: number; maxSilenceSeconds: number }): Promise<void>;
  /** The finished recording's file from Asterisk's store (GET /recordings/stored/{name}/file). */
  fetchRecording(name: string): Promise<Buffer>;
  /** Deleting a recording that is already gone is not an error. */
  deleteStoredRecording(name: string): Promise<void>;

  originate(request: OriginateRequest): Promise<void>;

  listChannels(): Promise<ChannelInfo[]>;
  listBridges(): Promise<BridgeInfo[]>;
}

/** An ARI request failed for a reason the caller must handle. */
export class TelephonyError extends Error {
  constructor(
    message: string,
    readonly kind: 'not-found' | 'conflict' | 'unavailable' | 'invalid' | 'unknown',
  ) {
    super(message);
    this.name = 'TelephonyError';
  }
}
