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
  /** Tickets already saved from this call. */
  tickets: string[];
  history: {
    calls: Array<{ id: string; startedAt: number; queue: string | null; queueTitle: string | null; outcome: string | null }>;
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
  | { type: 'snapshot'; agents: AgentView[]; queues: QueueView[] }
  | { type: 'queues'; queues: QueueView[] };
