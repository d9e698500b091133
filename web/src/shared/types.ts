// The shapes the service sends: the socket's from the service's own module; the rest by hand.
export type { AgentState, AgentView as Agent, DesktopMessage, CallbackFailedNotice, LinkageFailedNotice, LinkageView, QueueView, ScreenPop } from '../../../src/desktop/wire.js';

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
