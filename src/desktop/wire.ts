// What the desktop socket carries, as the pages see it. The pages import these types (and
// only types: no server code reaches the bundle), so the two sides cannot drift apart.

export type AgentState = 'offline' | 'available' | 'ringing' | 'on-call' | 'wrap-up' | 'paused';

export interface AgentView {
  id: number;
  name: string;
  endpoint: string;
  skills: string[];
  state: AgentState;
  pauseReason: string | null;
  stateSince: number;
  idleSince: number | null;
  currentCallId: string | null;
}

/** A linkage target (110, 12315…) on the agent's call. */
export interface LinkageView {
  target: string;
  name: string;
  /** three-way: all talk; consult: the caller waits on hold; transfer: the agent has handed over. */
  mode: 'three-way' | 'consult' | 'transfer';
  state: 'dialing' | 'connected';
  since: number;
}

export interface LinkageFailedNotice {
  callId: string;
  target: string;
  name: string;
  mode: LinkageView['mode'];
  reason: 'busy' | 'rejected' | 'no-answer' | 'unreachable';
}

export interface CallbackFailedNotice {
  callbackId: number;
  number: string;
  /** Whose phone did not answer: the agent's own, or the citizen's. */
  side: 'agent' | 'citizen';
  reason: 'busy' | 'rejected' | 'no-answer' | 'unreachable' | 'cancelled';
}

/** A knowledge-base article as a search or a suggestion shows it; the HTML is escaped text with hits in <mark>. */
export interface ArticleHit {
  id: number;
  title: string;
  category: string;
  unit: string | null;
  validFrom: string;
  validTo: string | null;
  retiredAt: number | null;
  /** Where it stands today: current, future, expired or retired. */
  validity: 'current' | 'future' | 'expired' | 'retired';
  titleHtml: string;
  snippetHtml: string;
}

export interface ScreenPop {
  callId: string;
  caller: string;
  /** The IVR path in words, e.g. "3 · 企业诉求/营商环境专线". */
  path: string[];
  queue: string | null;
  queueTitle: string | null;
  /** For the wrap-up countdown. */
  wrapUpSeconds: number;
  /** Preselected in the draft ticket: the category the caller's queue stands for. */
  category: string | null;
  enqueuedAt: number | null;
  waitedSeconds: number;
  /** Set once the agent answered: the talk timer runs from here. */
  answeredAt: number | null;
  held: boolean;
  linkage: LinkageView | null;
  /** Tickets already saved from this call. */
  tickets: string[];
  /** Why the call has no ticket, once the agent said so. */
  noTicketReason: string | null;
  /** Knowledge-base articles suggested by the menu choices and the queue. */
  articles: ArticleHit[];
  history: {
    /** recordingId: the call's stored recording, to play in the page (GET /api/recordings/:id). */
    calls: Array<{ id: string; startedAt: number; queue: string | null; queueTitle: string | null; outcome: string | null; recordingId: number | null }>;
    tickets: Array<{ number: string; createdAt: number; type: string; category: string; title: string; status: string }>;
  };
}

export interface QueueView {
  name: string;
  title: string;
  wrapUpSeconds: number;
  waiting: Array<{ callId: string; caller: string; enqueuedAt: number; waitSeconds: number; ringingAgentId: number | null }>;
  longestWaitSeconds: number;
}

export type DesktopMessage =
  | { type: 'agent'; agent: AgentView }
  /** The agent's phone is ringing for this call. */
  | { type: 'offer'; pop: ScreenPop }
  /** The call the agent is on changed: answered, held, resumed. */
  | { type: 'call'; pop: ScreenPop }
  /** A linkage target the agent called did not answer; the call is as it was before. */
  | { type: 'linkage-failed'; notice: LinkageFailedNotice }
  /** A call back the agent started did not connect; the callback stays on the list. */
  | { type: 'callback-failed'; notice: CallbackFailedNotice }
  /** The callback list changed (a new one, or one done). */
  | { type: 'callbacks' }
  | { type: 'snapshot'; agents: AgentView[]; queues: QueueView[] }
  | { type: 'queues'; queues: QueueView[] };
