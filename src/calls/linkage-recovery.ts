import type { LinkMode } from './session.js';

/** A call's linkage leg as its call log left it when the service stopped. */
export interface LinkageAtRestart {
  link: { channelId: string; target: string; mode: LinkMode; state: 'dialing' | 'connected'; since: number } | null;
  /** The agent had transferred the caller or left a three-way. */
  agentLeft: boolean;
  /** Legs dialled so far, so that a new leg gets a channel id Asterisk has not seen on this call. */
  dialled: number;
}

/** Replays the call's linkage events in order; the log is the only memory that survives a restart. */
export function linkageAtRestart(events: ReadonlyArray<{ type: string; at: number; data: Record<string, unknown> }>): LinkageAtRestart {
  const result: LinkageAtRestart = { link: null, agentLeft: false, dialled: 0 };
  for (const { type, at, data } of events) {
    const link = result.link;
    switch (type) {
      case 'agent-answered':
        result.agentLeft = false;
        break;
      case 'linkage-dialing':
        result.dialled += 1;
        result.link = { channelId: String(data.channelId), target: String(data.target), mode: data.mode as LinkMode, state: 'dialing', since: at };
        break;
      case 'linkage-connected':
        if (link) Object.assign(link, { state: 'connected', mode: data.mode as LinkMode, since: at });
        break;
      case 'linkage-joined':
        if (link) link.mode = 'three-way';
        break;
      case 'agent-left':
        result.agentLeft = true;
        if (link) link.mode = 'transfer';
        break;
      case 'linkage-failed':
      case 'linkage-left':
      case 'linkage-dropped':
        result.link = null;
        break;
    }
  }
  return result;
}
