// The shapes the service sends: the socket's from the service's own module; the rest by hand.
export type { ArticleHit, AgentState, AgentView as Agent, DesktopMessage, CallbackFailedNotice, LinkageFailedNotice, LinkageView, QueueView, ScreenPop } from '../../../src/desktop/wire.js';

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
  articleId: number | null;
}

export interface Article {
  id: number;
  title: string;
  body: string;
  category: string;
  unit: string | null;
  validFrom: string;
  validTo: string | null;
  retiredAt: number | null;
  updatedAt: number;
}

export interface DuplicateCandidate {
  number: string;
  title: string;
  status: string;
  createdAt: number;
  reasons: Array<'same-caller' | 'same-content'>;
  score: number;
  confirmed: boolean;
}

export interface LinkageTarget {
  code: string;
  name: string;
  timeoutSeconds: number;
}

export interface CallbackRequest {
  id: number;
  callId: string;
  number: string;
  queue: string;
  reason: 'overflow' | 'abandoned' | 'message' | 'ivr-message';
  status: 'pending' | 'done';
  createdAt: number;
  /** The message the citizen left, if any. */
  recordingId: number | null;
}

/** A row of GET /api/calls. */
export interface CallRow {
  id: string;
  caller: string;
  startedAt: number;
  queue: string | null;
  agentId: number | null;
  agentAnsweredAt: number | null;
  waitMs: number | null;
  talkMs: number | null;
  endedAt: number | null;
  outcome: string | null;
  hangupCauseText: string | null;
  noTicketReason: string | null;
  relatedTicketId: number | null;
  ticketNumber: string | null;
}

export interface CallEvent {
  id: number;
  at: number;
  type: string;
  data: Record<string, unknown>;
}

/** GET /api/calls/:id */
export interface CallDetail extends Omit<CallRow, 'ticketNumber'> {
  dialed: string;
  /** The post-call key-press survey: satisfied / basically-satisfied / dissatisfied; null: not rated. */
  surveyResult: string | null;
  events: CallEvent[];
  recordings: Array<{ id: number; status: string; startedAt: number; durationMs: number | null }>;
  tickets: Array<{ number: string; title: string; status: string; type: string }>;
}

/** Answered by an agent, yet with neither a ticket nor a reason for none: someone owes it a disposition. */
export const isUndisposed = (c: Pick<CallRow, 'agentAnsweredAt' | 'noTicketReason'> & { ticketNumber?: string | null; tickets?: unknown[] }) =>
  c.agentAnsweredAt !== null && c.noTicketReason === null && !c.ticketNumber && !c.tickets?.length;
