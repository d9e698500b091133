import type { Telephony } from '../telephony/types.js';
import type { CallSession } from './session.js';

/**
 * The one prompt and the one timer a key-driven machine (the IVR, a key survey) keeps on a
 * channel. A new timer replaces the old, and a stopped prompt is forgotten at once, so its late
 * finish or a replaced timer never moves the machine on.
 */
export class PromptAndTimer {
  private playback: string | null = null;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly session: CallSession,
    private readonly telephony: Telephony,
  ) {}

  /**
   * Plays `media` as the prompt now playing. `onFinished`, if given, runs when it ends unless it
   * was stopped first; without it the owner hears of the end and asks `finished`.
   */
  async play(media: string[], onFinished?: () => Promise<void>): Promise<void> {
    const playbackId = this.session.nextPlaybackId();
    this.playback = playbackId;
    // Registered before the play: a short prompt can end before the play request returns.
    if (onFinished) this.session.whenPlaybackEnds(playbackId, () => (this.finished(playbackId) ? onFinished() : undefined));
    await this.telephony.play(this.session.channelId, media, playbackId);
  }

  /** Whether `playbackId` was the prompt now playing (it is then over); false for a stopped one. */
  finished(playbackId: string): boolean {
    if (playbackId !== this.playback) return false;
    this.playback = null;
    return true;
  }

  async stopPrompt(): Promise<void> {
    const playbackId = this.playback;
    this.playback = null;
    if (playbackId) await this.telephony.stopPlayback(playbackId);
  }

  startTimer(seconds: number, onTimeout: () => Promise<void>): void {
    this.cancelTimer();
    this.cancel = this.session.after(seconds * 1000, () => {
      this.cancel = null;
      return onTimeout();
    });
  }

  cancelTimer(): void {
    this.cancel?.();
    this.cancel = null;
  }
}
