import type { Control } from './control.js';

/** A citizen's call, as a test holds it. */
export class CallHandle {
  constructor(
    private readonly control: Control,
    readonly id: string,
  ) {}

  press(digits: string, durationMs?: number): number {
    return this.control.press(this.id, digits, { durationMs });
  }

  hangup(cause = 16): void {
    this.control.hangup(this.id, cause);
  }

  /** Media URIs heard so far, in order. */
  played(): string[] {
    return this.control.played(this.id);
  }

  finishPlaybacks(): void {
    this.control.finishPlaybacksOn(this.id);
  }

  waitForPlayback(media?: string | RegExp, timeoutMs?: number) {
    return this.control.waitForPlayback(this.id, media, timeoutMs);
  }

  /** The channel's state (Ring, Up, ...), or null once it is gone. */
  get state(): string | null {
    return this.control.channel(this.id)?.state ?? null;
  }
}
