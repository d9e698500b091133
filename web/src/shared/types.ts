// The shapes the service sends; kept by hand in step with src/desktop and src/tickets.

export type AgentState = 'offline' | 'available' | 'ringing' | 'on-call' | 'wrap-up' | 'paused';

export interface Agent {
  id: number;
  name: string;
  endpoint: string;
  skills: string[];
  state: AgentState;
  pauseReason: string | null;
  stateSince: number;
  currentCallId: string | null;
}

export interface ScreenPop {
  callId: string;
  caller: string;
  path: string[];
  queue: string | null;
  queueTitle: string | null;
  wrapUpSeconds: number;
  category: string | null;
  enqueuedAt: number | null;
  waitedSeconds: number;
  answeredAt: number | null;
  held: boolean;
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
}

export type DesktopMessage =
  | { type: 'agent'; agent: Agent }
  | { type: 'offer'; pop: ScreenPop }
  | { type: 'call'; pop: ScreenPop }
  | { type: 'snapshot'; agents: Agent[]; queues: QueueView[] }
  | { type: 'queues'; queues: QueueView[] };

export interface Label {
  code: string;
  zh: string;
  en: string;
}

export interface Catalogue {
  types: Label[];
  categories: Label[];
}

export interface PauseReason {
  code: string;
  label: string;
  labelEn: string;
}

export interface Ticket {
  number: string;
  caller: string;
  status: string;
  type: string;
  category: string;
  title: string;
  content: string;
  citizenName: string | null;
  address: string | null;
  callId: string | null;
}
