import type { Engine } from './engine.js';
import { HttpError, playbackJson, recordingJson, type FakePlayback, type FakeRecording } from './model.js';
import type { Params } from './params.js';

const recordingFormats = new Set(['wav', 'wav16', 'gsm', 'ulaw', 'alaw', 'sln', 'g722', 'WAV']);
const playbackOperations = new Set(['restart', 'pause', 'unpause', 'reverse', 'forward']);

/**
 * Playbacks and recordings. A playback plays until the test finishes it (or the auto-finish
 * delay passes); a second one on the same target waits behind it, as on Asterisk's control
 * queue. Every media URI that starts is logged per target: what a caller heard, in order.
 */
export class Media {
  readonly playbacks = new Map<string, FakePlayback>();
  readonly live = new Map<string, FakeRecording>();
  readonly stored = new Map<string, { format: string; data: Buffer }>();
  /** GET …/file answers 500 this many more times (a disk or network hiccup on Asterisk's side). */
  fileFailures = 0;
  readonly heard = new Map<string, string[]>();
  autoFinishMs: number | null = null;
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly engine: Engine) {}

  private appOfTarget(target: string): string | null {
    const [kind, id = ''] = target.split(':');
    if (kind === 'channel') {
      const c = this.engine.channels.get(id);
      return c ? this.engine.appOf(c) : null;
    }
    return this.engine.bridges.get(id)?.app ?? null;
  }

  play(target: string, params: Params, playbackIdFromPath?: string): Record<string, unknown> {
    const media = params.list('media');
    if (!media.length) throw new HttpError(400, 'media: Missing required parameter');
    if (params.int('skipms', 0) < 0) throw new HttpError(400, 'skipms cannot be negative');
    if (params.int('offsetms', 0) < 0) throw new HttpError(400, 'offsetms cannot be negative');
    const id = playbackIdFromPath ?? params.get('playbackId') ?? crypto.randomUUID();
    if (this.playbacks.has(id)) throw new HttpError(500, 'Failed to queue media for playback');
    const playback: FakePlayback = { id, media, index: 0, target, language: params.get('lang') ?? 'en', state: 'queued' };
    this.playbacks.set(id, playback);
    const response = playbackJson(playback);
    if (this.on(target).length === 1) setImmediate(() => this.start(playback));
    return response;
  }

  current(target: string): FakePlayback | undefined {
    return [...this.playbacks.values()].find((p) => p.target === target && p.state === 'playing');
  }

  on(target: string): FakePlayback[] {
    return [...this.playbacks.values()].filter((p) => p.target === target);
  }

  find(id: string): FakePlayback {
    const p = this.playbacks.get(id);
    if (!p) throw new HttpError(404, 'Playback not found');
    return p;
  }

  control(id: string, params: Params): void {
    this.find(id);
    const operation = params.get('operation') ?? '';
    if (!playbackOperations.has(operation)) throw new HttpError(400, `Invalid operation ${operation}`);
  }

  private start(p: FakePlayback): void {
    if (this.playbacks.get(p.id) !== p || p.state !== 'queued') return;
    p.state = 'playing';
    this.log(p);
    this.engine.send(this.appOfTarget(p.target), 'PlaybackStarted', { playback: playbackJson(p) });
    this.armAutoFinish(p);
  }

  private log(p: FakePlayback): void {
    const heard = this.heard.get(p.target) ?? [];
    heard.push(p.media[p.index]!);
    this.heard.set(p.target, heard);
  }

  private armAutoFinish(p: FakePlayback): void {
    if (this.autoFinishMs === null) return;
    this.timers.set(p.id, setTimeout(() => this.playbacks.has(p.id) && this.advance(p.id), this.autoFinishMs));
  }

  /** The current media item ends: the next one in the list continues, or the playback is done. */
  advance(id: string): void {
    const p = this.find(id);
    if (p.state === 'playing' && p.index < p.media.length - 1) {
      clearTimeout(this.timers.get(id));
      p.index += 1;
      this.log(p);
      this.engine.send(this.appOfTarget(p.target), 'PlaybackContinuing', { playback: playbackJson(p) });
      this.armAutoFinish(p);
      return;
    }
    this.finish(id, 'done');
  }

  /** Ends the whole playback (stopped, failed or done), then starts the next one queued on its target. */
  finish(id: string, state: 'done' | 'failed'): void {
    const p = this.find(id);
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const wasPlaying = p.state === 'playing';
    p.state = state;
    this.playbacks.delete(id);
    this.engine.send(this.appOfTarget(p.target), 'PlaybackFinished', { playback: playbackJson(p) });
    const next = this.current(p.target) ? undefined : this.on(p.target).find((q) => q.state === 'queued');
    if (next && wasPlaying) this.start(next);
    else if (next) setImmediate(() => this.start(next));
  }

  /** The channel hung up: the playback it was hearing ends; the queued ones are dropped with its control queue. */
  channelGone(channelId: string): void {
    this.targetGone(`channel:${channelId}`);
  }

  targetGone(target: string): void {
    const current = this.current(target);
    for (const p of this.on(target)) if (p !== current) this.playbacks.delete(p.id);
    if (current) this.finish(current.id, 'done');
    for (const r of this.live.values()) if (r.target === target && r.state === 'recording') this.stopRecording(r.name);
  }

  // ---- recordings -------------------------------------------------------------------

  record(target: string, params: Params, inBridge: boolean): Record<string, unknown> {
    const name = params.get('name');
    const format = params.get('format');
    if (!name) throw new HttpError(400, 'Recording name invalid');
    const ifExists = params.get('ifExists') ?? 'fail';
    if (!['fail', 'overwrite', 'append'].includes(ifExists)) throw new HttpError(400, 'ifExists invalid');
    if (!format || !recordingFormats.has(format)) throw new HttpError(422, 'specified format is unknown on this system');
    if (ifExists === 'fail' && (this.stored.has(name) || this.live.has(name))) {
      throw new HttpError(409, `Recording '${name}' already exists and can not be overwritten`);
    }
    const terminateOn = params.get('terminateOn') ?? 'none';
    if (!['none', 'any', '*', '#'].includes(terminateOn)) throw new HttpError(400, 'terminateOn invalid');
    const maxDurationSeconds = params.int('maxDurationSeconds', 0);
    if (maxDurationSeconds < 0) throw new HttpError(400, 'maxDurationSeconds cannot be negative');
    const recording: FakeRecording = { name, format, target, state: 'queued', startedAt: Date.now(), terminateOn };
    this.live.set(name, recording);
    const response = recordingJson(recording);
    setImmediate(() => {
      const app = this.appOfTarget(target);
      if (inBridge) {
        recording.state = 'failed';
        recording.cause = 'Cannot record channel while in bridge';
        this.live.delete(name);
        this.engine.send(app, 'RecordingFailed', { recording: recordingJson(recording) });
        return;
      }
      recording.state = 'recording';
      recording.startedAt = Date.now();
      if (maxDurationSeconds > 0) {
        recording.limit = setTimeout(() => this.live.get(name) === recording && this.stopRecording(name), maxDurationSeconds * 1000);
        recording.limit.unref();
      }
      this.engine.send(app, 'RecordingStarted', { recording: recordingJson(recording) });
    });
    return response;
  }

  liveRecording(name: string): FakeRecording {
    const r = this.live.get(name);
    if (!r) throw new HttpError(404, 'Recording not found');
    return r;
  }

  /** A key pressed on a channel being recorded: its terminateOn key ends the recording, which is kept. */
  dtmf(target: string, digit: string): void {
    for (const r of [...this.live.values()]) {
      if (r.target === target && r.state === 'recording' && (r.terminateOn === 'any' || r.terminateOn === digit)) this.stopRecording(r.name);
    }
  }

  stopRecording(name: string, keep = true): void {
    const r = this.liveRecording(name);
    clearTimeout(r.limit);
    r.state = 'done';
    this.live.delete(name);
    // Silence as long as the recording ran, as Asterisk's 8 kHz 16-bit mono WAV.
    if (keep) this.stored.set(name, { format: r.format, data: silentWav(Date.now() - r.startedAt) });
    this.engine.send(this.appOfTarget(r.target), 'RecordingFinished', { recording: recordingJson(r) });
  }

  storedRecording(name: string): { format: string; data: Buffer } {
    const s = this.stored.get(name);
    if (!s) throw new HttpError(404, 'Recording not found');
    return s;
  }

  clear(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.playbacks.clear();
    for (const r of this.live.values()) clearTimeout(r.limit);
    this.live.clear();
    this.heard.clear();
  }
}

export function silentWav(durationMs: number): Buffer {
  const dataBytes = Math.floor((durationMs * 16000) / 1000 / 2) * 2;
  const b = Buffer.alloc(44 + dataBytes);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + dataBytes, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(dataBytes, 40);
  return b;
}
