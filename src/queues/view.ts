import { maskNumber } from '../log.js';
import type { WaitingCaller } from './acd.js';
import type { Queue } from './repository.js';

import type { QueueView as QueueWire } from '../desktop/wire.js';

export type QueueView = Queue & QueueWire;

/** A queue with who is waiting in it now; agents see the queue, not who is in it, until a call is offered to them. */
export function queueView(queue: Queue, waiting: readonly WaitingCaller[], options: { maskCallers: boolean; now?: number }): QueueView {
  const now = options.now ?? Date.now();
  const mine = waiting
    .filter((w) => w.queue === queue.name)
    .map((w) => ({
      callId: w.callId,
      caller: options.maskCallers ? maskNumber(w.caller) : w.caller,
      enqueuedAt: w.enqueuedAt,
      waitSeconds: Math.floor((now - w.enqueuedAt) / 1000),
      ringingAgentId: w.ringingAgentId,
    }));
  return { ...queue, waiting: mine, longestWaitSeconds: mine.reduce((m, w) => Math.max(m, w.waitSeconds), 0) };
}
