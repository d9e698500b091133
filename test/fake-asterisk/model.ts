// The in-memory objects of the fake Asterisk and their JSON, in the shape Asterisk 22's ARI
// serialises them (ast_channel_snapshot_to_json, ast_bridge_snapshot_to_json, ...).

export type ChannelState = 'Down' | 'Ring' | 'Ringing' | 'Up';

export interface FakeChannel {
  id: string;
  name: string;
  state: ChannelState;
  caller: { name: string; number: string };
  connected: { name: string; number: string };
  dialplan: { context: string; exten: string; priority: number; app_name: string; app_data: string };
  creationtime: string;
  language: string;
  /** The Stasis app controlling the channel, or null before it enters one (an originated leg ringing). */
  app: string | null;
  /** The app an originate subscribed to the channel: it keeps hearing about the channel until it is destroyed. */
  subscribedApp: string | null;
  bridgeId: string | null;
  moh: string | null;
  ringing: boolean;
  hangupCause: number;
  variables: Record<string, string>;
  /** Set for originated legs. */
  origination: Origination | null;
}

export interface Origination {
  endpoint: string;
  app: string;
  appArgs: string[];
  callerId: string;
  timeoutSeconds: number;
  variables: Record<string, string>;
  originator: string | null;
  outcome: 'ringing' | 'answered' | 'failed';
  timer: NodeJS.Timeout | null;
}

export interface FakeBridge {
  id: string;
  name: string;
  /** The type as the app asked for it, e.g. "mixing,dtmf_events". */
  flags: string[];
  channels: string[];
  moh: string | null;
  creationtime: string;
  /** The app that created it and hears its events. */
  app: string | null;
}

export type PlaybackState = 'queued' | 'playing' | 'done' | 'failed';

export interface FakePlayback {
  id: string;
  media: string[];
  /** Index of the media item being played. */
  index: number;
  target: string;
  language: string;
  state: PlaybackState;
}

export interface FakeRecording {
  name: string;
  format: string;
  target: string;
  state: 'queued' | 'recording' | 'done' | 'failed';
  startedAt: number;
  cause?: string;
  /** none, any, * or #: the key that ends a channel's recording (ARI terminateOn). */
  terminateOn: string;
  /** Ends the recording at maxDurationSeconds. */
  limit?: NodeJS.Timeout;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Asterisk's timestamp format: 2026-11-24T10:00:00.123+0000 (UTC here). */
export const timestamp = (date = new Date()) => date.toISOString().replace('Z', '+0000');

/** ast_cause2str for the causes the fake produces. */
export const causeText: Record<number, string> = {
  0: 'Unknown',
  1: 'Unallocated (unassigned) number',
  16: 'Normal Clearing',
  17: 'User busy',
  18: 'No user responding',
  19: 'User alerting, no answer',
  21: 'Call Rejected',
  34: 'Circuit/channel congestion',
};

export function channelJson(c: FakeChannel) {
  return {
    id: c.id,
    name: c.name,
    state: c.state,
    protocol_id: '',
    caller: { ...c.caller },
    connected: { ...c.connected },
    accountcode: '',
    dialplan: { ...c.dialplan },
    creationtime: c.creationtime,
    language: c.language,
  };
}

export function bridgeType(b: FakeBridge): 'holding' | 'mixing' {
  return b.flags.includes('holding') ? 'holding' : 'mixing';
}

export function bridgeJson(b: FakeBridge) {
  const holding = bridgeType(b) === 'holding';
  return {
    id: b.id,
    technology: holding ? 'holding_bridge' : b.channels.length > 2 ? 'softmix' : 'simple_bridge',
    bridge_type: bridgeType(b),
    bridge_class: 'stasis',
    creator: 'Stasis',
    name: b.name,
    channels: [...b.channels],
    creationtime: b.creationtime,
    video_mode: 'talker',
  };
}

export function playbackJson(p: FakePlayback) {
  const next = p.media[p.index + 1];
  return {
    id: p.id,
    media_uri: p.media[p.index]!,
    ...(next ? { next_media_uri: next } : {}),
    target_uri: p.target,
    language: p.language,
    state: p.state,
  };
}

export function recordingJson(r: FakeRecording) {
  const duration = Math.round((Date.now() - r.startedAt) / 1000);
  return {
    name: r.name,
    format: r.format,
    target_uri: r.target,
    state: r.state,
    ...(r.state === 'done' ? { duration } : {}),
    ...(r.cause ? { cause: r.cause } : {}),
  };
}
