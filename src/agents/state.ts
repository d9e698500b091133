import type { AgentStateName } from '../db/schema/agents.js';

export interface AgentStatus {
  state: AgentStateName;
  pauseReason: string | null;
  stateSince: number;
  idleSince: number | null;
  currentCallId: string | null;
}

export type AgentEvent =
  | { type: 'login' }
  | { type: 'logout' }
  | { type: 'pause'; reason: string }
  | { type: 'unpause' }
  /** The ACD rings the agent for a call. */
  | { type: 'offer'; callId: string }
  | { type: 'answer' }
  /** The agent's phone rang out, was busy or rejected: they are paused so the next caller is not sent to an empty seat. */
  | { type: 'no-answer' }
  /** The caller hung up (or went elsewhere) while the agent's phone was ringing. */
  | { type: 'offer-withdrawn' }
  /** undisposed: the call still needs a ticket or a reason for none, so wrap-up is due even when the queue has none. */
  | { type: 'call-ended'; wrapUpSeconds: number; undisposed?: boolean }
  | { type: 'ready' }
  /** The agent calls a citizen back from the desktop: busy with it from the click. */
  | { type: 'dial-out'; callId: string };

export type AgentTransition = { ok: true; status: AgentStatus } | { ok: false; action: string };

const actionWords: Record<AgentEvent['type'], string> = {
  login: 'log in',
  logout: 'log out',
  pause: 'pause',
  unpause: 'unpause',
  offer: 'be offered a call',
  answer: 'answer',
  'no-answer': 'miss a call',
  'offer-withdrawn': 'have an offer withdrawn',
  'call-ended': 'end a call',
  ready: 'end wrap-up',
  'dial-out': 'call a citizen back',
};

/** Agent state as a pure function of (status, event, now); the service stores what it returns. */
export function applyAgentEvent(current: AgentStatus, event: AgentEvent, now: number): AgentTransition {
  const s = current.state;
  const to = (state: AgentStateName, extra: Partial<AgentStatus> = {}): AgentTransition => ({
    ok: true,
    status: { ...current, state, pauseReason: null, stateSince: now, ...extra },
  });
  const refuse = (): AgentTransition => ({ ok: false, action: actionWords[event.type] });

  switch (event.type) {
    case 'login':
      return s === 'offline' ? to('available', { idleSince: now }) : refuse();
    case 'logout':
      // From ringing too: a supervisor logs out an agent who left their desk with the phone ringing.
      return s === 'available' || s === 'paused' || s === 'wrap-up' || s === 'ringing' ? to('offline', { idleSince: null, currentCallId: null }) : refuse();
    case 'pause':
      return s === 'available' || s === 'wrap-up' || s === 'paused' ? to('paused', { pauseReason: event.reason, currentCallId: null }) : refuse();
    case 'unpause':
      return s === 'paused' ? to('available', { idleSince: now }) : refuse();
    case 'offer':
      return s === 'available' ? to('ringing', { currentCallId: event.callId }) : refuse();
    case 'answer':
      return s === 'ringing' ? to('on-call') : refuse();
    case 'no-answer':
      return s === 'ringing' ? to('paused', { pauseReason: 'no-answer', currentCallId: null }) : refuse();
    case 'offer-withdrawn':
      // They did nothing wrong: they keep their place in the longest-idle order.
      return s === 'ringing' ? to('available', { currentCallId: null }) : refuse();
    case 'call-ended':
      if (s !== 'on-call') return refuse();
      return event.wrapUpSeconds > 0 || event.undisposed ? to('wrap-up', { currentCallId: null }) : to('available', { currentCallId: null, idleSince: now });
    case 'ready':
      return s === 'wrap-up' ? to('available', { idleSince: now }) : refuse();
    case 'dial-out':
      return s === 'available' || s === 'paused' || s === 'wrap-up' ? to('on-call', { currentCallId: event.callId }) : refuse();
  }
}
