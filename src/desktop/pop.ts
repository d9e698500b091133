import type { CallLog } from '../calls/call-log.js';
import type { QueuesRepository } from '../queues/repository.js';
import type { TicketsRepository } from '../tickets/repository.js';
import type { ArticleHit, LinkageView, ScreenPop } from './wire.js';

export type { ScreenPop };

export interface PopSources {
  callLog: CallLog;
  tickets: TicketsRepository;
  queues: QueuesRepository;
  /** The call's stored recording, if any. */
  recordingOf: (callId: string) => number | null;
  /** Knowledge-base articles for these words, the category's first. */
  suggest: (words: string[], category: string | null) => ArticleHit[];
}

/** What an agent sees the instant their phone rings: who calls, what they chose, how long they waited, what came before. */
export function buildScreenPop(callId: string, deps: PopSources, live: { held: boolean; linkage: LinkageView | null } = { held: false, linkage: null }, now = Date.now()): ScreenPop | null {
  const call = deps.callLog.get(callId);
  if (!call) return null;
  const queues = new Map(deps.queues.list().map((q) => [q.name, q]));
  const queue = call.queue ? queues.get(call.queue) : undefined;
  const choices = call.ivrPath.filter((s) => s.key !== null);
  const earlier = deps.callLog.byCaller(call.caller, 11).filter((c) => c.id !== call.id).slice(0, 10);
  return {
    callId: call.id,
    caller: call.caller,
    path: choices.map((s) => `${s.key} · ${s.label}`),
    queue: call.queue,
    queueTitle: queue?.title ?? null,
    wrapUpSeconds: queue?.wrapUpSeconds ?? 0,
    category: queue?.ticketCategory ?? null,
    enqueuedAt: call.enqueuedAt,
    waitedSeconds: call.enqueuedAt ? Math.floor(((call.agentAnsweredAt ?? now) - call.enqueuedAt) / 1000) : 0,
    answeredAt: call.phase === 'talking' || call.phase === 'ended' ? call.agentAnsweredAt : null,
    held: live.held,
    linkage: live.linkage,
    tickets: deps.tickets.listByCall(call.id).map((t) => t.number),
    noTicketReason: call.noTicketReason,
    // What the caller chose in the menu, and the queue it led to, say what the call is likely about.
    articles: deps.suggest([...choices.map((s) => s.label), ...(queue ? [queue.title] : [])], queue?.ticketCategory ?? null),
    history: {
      calls: earlier.map((c) => ({ id: c.id, startedAt: c.startedAt, queue: c.queue, queueTitle: queues.get(c.queue ?? '')?.title ?? null, outcome: c.outcome, recordingId: deps.recordingOf(c.id) })),
      tickets: deps.tickets
        .listByCaller(call.caller, 10)
        .map((t) => ({ number: t.number, createdAt: t.createdAt, type: t.type, category: t.category, title: t.title, status: t.status })),
    },
  };
}
