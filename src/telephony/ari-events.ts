import type { ChannelInfo, TelephonyEvent } from './types.js';

// Type guards for the ARI events the service uses: anything else, or anything missing a
// field we rely on, is dropped here instead of failing deeper in the call flow.

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function toChannelInfo(raw: unknown): ChannelInfo | null {
  if (!isObj(raw) || !str(raw.id)) return null;
  const caller = isObj(raw.caller) ? raw.caller : {};
  const dialplan = isObj(raw.dialplan) ? raw.dialplan : {};
  const info: ChannelInfo = {
    id: raw.id as string,
    name: str(raw.name) ?? '',
    state: str(raw.state) ?? 'Unknown',
    callerNumber: str(caller.number) ?? '',
    dialed: str(dialplan.exten) ?? '',
  };
  // A channel running Stasis shows app_data "app,arg1,arg2": the args survive a reconnect of
  // ours, when GET /channels is all there is to rebuild from.
  if (dialplan.app_name === 'Stasis' && typeof dialplan.app_data === 'string') info.args = dialplan.app_data.split(',').slice(1);
  return info;
}

/** Hangup causes seen in ChannelHangupRequest, kept until the channel leaves our app. */
export class HangupCauses {
  private readonly causes = new Map<string, { cause: number; causeText: string | null }>();

  note(channelId: string, cause: number, causeText: string | null): void {
    this.causes.set(channelId, { cause, causeText });
  }

  take(channelId: string): { cause: number | null; causeText: string | null } {
    const found = this.causes.get(channelId);
    this.causes.delete(channelId);
    return found ?? { cause: null, causeText: null };
  }
}

export function toTelephonyEvent(event: unknown, causes: HangupCauses): TelephonyEvent | null {
  if (!isObj(event) || typeof event.type !== 'string') return null;
  const channel = toChannelInfo(event.channel);
  switch (event.type) {
    case 'StasisStart': {
      if (!channel) return null;
      const args = Array.isArray(event.args) ? event.args.filter((a): a is string => typeof a === 'string') : [];
      return { type: 'channel-entered', channel: { ...channel, args }, args };
    }
    case 'ChannelStateChange':
      return channel ? { type: 'channel-state', channelId: channel.id, state: channel.state } : null;
    case 'ChannelDtmfReceived':
      return channel && str(event.digit) ? { type: 'dtmf', channelId: channel.id, digit: event.digit as string } : null;
    case 'PlaybackFinished': {
      const playback = isObj(event.playback) ? event.playback : null;
      if (!playback || !str(playback.id)) return null;
      const target = str(playback.target_uri) ?? '';
      return {
        type: 'playback-finished',
        playbackId: playback.id as string,
        channelId: target.startsWith('channel:') ? target.slice('channel:'.length) : null,
        failed: playback.state === 'failed',
      };
    }
    case 'RecordingFinished':
    case 'RecordingFailed': {
      const recording = isObj(event.recording) ? event.recording : null;
      if (!recording || !str(recording.name)) return null;
      return { type: 'recording-ended', name: recording.name as string, failed: event.type === 'RecordingFailed', cause: str(recording.cause) };
    }
    case 'ChannelHangupRequest':
      if (channel && typeof event.cause === 'number') causes.note(channel.id, event.cause, null);
      return null;
    case 'StasisEnd':
      return channel ? { type: 'channel-left', channelId: channel.id, ...causes.take(channel.id) } : null;
    case 'ChannelDestroyed':
      if (!channel) return null;
      causes.take(channel.id);
      return {
        type: 'hangup',
        channelId: channel.id,
        cause: typeof event.cause === 'number' ? event.cause : 0,
        causeText: str(event.cause_txt) ?? '',
      };
    default:
      return null;
  }
}
