import type { CallLog } from '../calls/call-log.js';
import type { TicketsRepository } from '../tickets/repository.js';

export interface ScreenPop {
  callId: string;
  caller: string;
  /** The IVR path in words, e.g. "3 · 企业诉求/营商环境专线". */
  path: string[];
  queue: string | null;
  waitedSeconds: number;
  history: {
    calls: Array<{ id: string; startedAt: number; queue: string | null; outcome: string | null }>;
    tickets: Array<{ number: string; createdAt: number; title: string; status: string }>;
  };
}

/** What an agent sees the instant their phone rings: who calls, what they chose, how long they waited, what came before. */
export function buildScreenPop(callId: string, deps: { callLog: CallLog; tickets: TicketsRepository }, now = Date.now()): ScreenPop | null {
  const call = deps.callLog.get(callId);
  if (!call) return null;
  const earlier = deps.callLog.list({ caller: call.caller, limit: 11, offset: 0 }).items.filter((c) => c.id !== call.id).slice(0, 10);
  return {
    callId: call.id,
    caller: call.caller,
    path: call.ivrPath.filter((s) => s.key !== null).map((s) => `${s.key} · ${s.label}`),
    queue: call.queue,
    waitedSeconds: call.enqueuedAt ? Math.floor((now - call.enqueuedAt) / 1000) : 0,
    history: {
      calls: earlier.map((c) => ({ id: c.id, startedAt: c.startedAt, queue: c.queue, outcome: c.outcome })),
      tickets: deps.tickets.listByCaller(call.caller, 10).map((t) => ({ number: t.number, createdAt: t.createdAt, title: t.title, status: t.status })),
    },
  };
}
