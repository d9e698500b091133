import { tk } from '../shared/i18n.js';
import { duration } from '../shared/time.js';
import type { CallEvent } from '../shared/types.js';
import { hasKey, tc } from './i18n.js';

/** How the page names agents and queues: the log stores ids, people read names. */
export interface Names {
  agent(id: unknown): string;
  queue(name: unknown): string;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const seconds = (ms: unknown) => duration(Number(ms ?? 0) / 1000);
// "by" is a username for actions taken on the desktop, or who hung up for talk-ended.
const who = (by: unknown) => (by === 'caller' || by === 'agent' ? tc(`by.${by}`) : str(by));

/** A post-call survey result (satisfied / basically-satisfied / dissatisfied) in words; null: not rated. */
export function surveyWords(result: unknown): string {
  const key = `survey.${str(result ?? 'none')}`;
  return hasKey(key) ? tc(key) : str(result);
}

/**
 * One event of the call log in plain words, e.g. "坐席 1001 接听，排队等待 00:12". Events the
 * page does not know yet show their type, so nothing that happened is hidden.
 */
export function eventWords(event: CallEvent, names: Names): string {
  const d = event.data;
  switch (event.type) {
    case 'arrived':
      return tc('ev.arrived', { dialed: str(d.dialed) });
    case 'answered':
      return tc('ev.answered', { menu: d.menu ? `${str(d.menu)} v${str(d.menuVersion)}` : '' });
    case 'ivr-node':
      return d.key ? tc('ev.ivr-key', { key: str(d.key), label: str(d.label) }) : tc('ev.ivr-node', { label: str(d.label) });
    case 'ivr-action':
      return tc('ev.ivr-action', { action: [d.action, d.digits].filter(Boolean).join(' ') });
    case 'queued':
      return tc('ev.queued', { queue: names.queue(d.queue) });
    case 'overflowed':
      return tc('ev.overflowed', { wait: seconds(d.waitedMs) });
    case 'agent-answered':
      return tc('ev.agent-answered', { agent: names.agent(d.agentId), wait: seconds(d.waitMs) });
    case 'transferred': {
      const to = d.to as { queue?: string; agentId?: number } | undefined;
      return to?.queue
        ? tc('ev.transferred-queue', { agent: names.agent(d.fromAgentId), queue: names.queue(to.queue) })
        : tc('ev.transferred-agent', { agent: names.agent(d.fromAgentId), to: names.agent(to?.agentId) });
    }
    case 'linkage-dialing':
    case 'linkage-failed':
      return tc(`ev.${event.type}`, { target: str(d.target), mode: tk('mode', str(d.mode)), reason: tk('linkFail', str(d.reason)) });
    case 'recording-stored':
      return tc('ev.recording-stored', { length: seconds(d.durationMs) });
    case 'talk-ended':
      return tc('ev.talk-ended', { by: who(d.endedBy) });
    case 'callback-requested':
      return tc('ev.callback-requested', { reason: tk('callbackReason', str(d.reason)) });
    case 'no-ticket':
      return tc('ev.no-ticket', { by: str(d.by), reason: tk('noTicket', str(d.reason)) });
    case 'survey':
      return tc('ev.survey', { key: str(d.key), result: surveyWords(d.result) });
    case 'survey-no-answer': {
      const key = `surveyMiss.${str(d.reason)}`;
      return tc('ev.survey-no-answer', { reason: hasKey(key) ? tc(key) : str(d.reason) });
    }
    case 'survey-invalid-key':
      return tc('ev.survey-invalid-key', { key: str(d.key) });
    case 'ended':
      return tc('ev.ended', { outcome: tk('outcome', str(d.outcome)), cause: d.causeText ? ` · ${str(d.causeText)}` : '' });
  }
  const key = `ev.${event.type}`;
  if (!hasKey(key)) return event.type;
  // The rest need only these few values, each under the name the words use.
  return tc(key, {
    agent: names.agent(d.agentId),
    target: str(d.target),
    by: who(d.by),
    position: str(d.position),
    error: str(d.error),
    ticket: str(d.ticket),
    action: str(d.action),
    language: str(d.language),
  });
}
