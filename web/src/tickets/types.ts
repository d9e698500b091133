import type { Ticket as BaseTicket } from '../shared/types.js';
export interface Deadline {
  kind: 'sign-for' | 'completion';
  dueAt: number;
  usedPercent: number;
  flag: 'on-time' | 'near' | 'overdue';
}

export interface Assignment {
  unitId: number;
  unitName: string;
  status: string;
  dispatchedAt: number;
  signForDueAt: number;
  signedForAt: number | null;
  dueAt: number;
  repliedAt: number | null;
  reply: string | null;
  replyFlag: string | null;
  extensionRequest: { minutes: number; reason: string } | null;
  deadline: Deadline | null;
}

/** The ticket as the desktop knows it, with what the workbench shows besides. */
export interface Ticket extends BaseTicket {
  channel: string;
  urgency: string;
  createdAt: number;
  mergedInto?: string | null;
  assignments?: Assignment[];
  attachments?: { id: number; name: string; size: number; unitId: number | null }[];
  callbackSurvey?: CallbackSurvey | null;
}

/** The service's 智能回访 of the ticket's latest completion. */
export interface CallbackSurvey {
  status: string;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: number | null;
  lastFailure: string | null;
  result: string | null;
}

export interface TicketEvent {
  action: string;
  from: string;
  to: string;
  by: string | null;
  unitName: string | null;
  note: string | null;
  at: number;
}

export interface Unit {
  id: number;
  name: string;
  kind: string;
  parentId: number | null;
  active: boolean;
  path: string[];
}

export interface Overdue {
  number: string;
  title: string;
  urgency: string;
  status: string;
  unitName: string;
  deadline: 'sign-for' | 'completion';
  dueAt: number;
  usedPercent: number;
  flag: 'near' | 'overdue';
  supervised: boolean;
}

export interface TicketListItem extends Ticket {
  parts: { unitId: number; unitName: string; status: string; deadline: Deadline | null }[];
}

export interface Catalogue {
  types: { code: string; zh: string }[];
  categories: { code: string; zh: string }[];
}
