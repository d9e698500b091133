import type { Log } from '../log.js';
import { errors } from '../errors.js';
import type { AgentsRepository, Agent } from './repository.js';
import { applyAgentEvent, type AgentEvent, type AgentStatus } from './state.js';

export type AgentListener = (agent: Agent, previous: Agent) => void;

/** Stores agent state changes, runs wrap-up timers and tells listeners (the ACD, the desktop) about every change. */
export class AgentService {
  private readonly listeners: AgentListener[] = [];
  private readonly wrapUpTimers = new Map<number, NodeJS.Timeout>();
  private readonly pending: Array<[Agent, Agent]> = [];
  private notifying = false;
  private owedBy: (agentId: number) => string | null = () => null;

  constructor(
    readonly repository: AgentsRepository,
    private readonly log: Log,
  ) {}

  /**
   * Every answered call ends with a ticket or a reason it has none: while an agent owes one
   * (this returns the call's id), wrap-up does not end, neither on its timer nor at their request.
   */
  requireDisposition(owedBy: (agentId: number) => string | null): void {
    this.owedBy = owedBy;
  }

  /** The call an agent still owes a ticket or reason, or null. */
  owedCall(agentId: number): string | null {
    return this.owedBy(agentId);
  }

  /** A ticket or reason was just recorded: an agent whose wrap-up time is already over becomes available. */
  dispositionRecorded(agentId: number): void {
    const agent = this.repository.get(agentId);
    if (agent?.state !== 'wrap-up' || this.wrapUpTimers.has(agentId) || this.owedBy(agentId)) return;
    this.transition(agent, { type: 'ready' });
  }

  onChange(listener: AgentListener): void {
    this.listeners.push(listener);
  }

  /** For requests from people: an impossible change is a 409 naming the current state. */
  apply(agentId: number, event: AgentEvent): Agent {
    const agent = this.repository.get(agentId);
    if (!agent) throw new errors.NotFound(`Agent ${agentId}`);
    const result = applyAgentEvent(agent, event, Date.now());
    if (!result.ok) throw new errors.IllegalTransition(String(agentId), agent.state, result.action);
    return this.commit(agent, event, result.status);
  }

  /** For the call flow: returns null instead of throwing when the agent is no longer in a state where this applies. */
  tryApply(agentId: number, event: AgentEvent): Agent | null {
    const agent = this.repository.get(agentId);
    return agent ? this.transition(agent, event) : null;
  }

  stop(): void {
    for (const timer of this.wrapUpTimers.values()) clearTimeout(timer);
    this.wrapUpTimers.clear();
  }

  /**
   * After a restart nothing in memory survives: agents shown ringing or on a call that no
   * longer exists are freed, and overdue wrap-ups end.
   */
  recover(hasLiveLeg: (agent: Agent) => boolean, wrapUpSecondsOf: (agent: Agent) => number, now = Date.now()): void {
    for (const agent of this.repository.list()) {
      if ((agent.state === 'ringing' || agent.state === 'on-call') && !hasLiveLeg(agent)) {
        const event: AgentEvent = agent.state === 'ringing' ? { type: 'offer-withdrawn' } : { type: 'call-ended', wrapUpSeconds: wrapUpSecondsOf(agent) };
        this.transition(agent, event, now);
      } else if (agent.state === 'wrap-up') {
        this.scheduleWrapUpEnd(agent.id, Math.max(0, agent.stateSince + wrapUpSecondsOf(agent) * 1000 - now));
      }
    }
  }

  private transition(agent: Agent, event: AgentEvent, now = Date.now()): Agent | null {
    if (event.type === 'call-ended' && this.owedBy(agent.id)) event = { ...event, undisposed: true };
    const result = applyAgentEvent(agent, event, now);
    return result.ok ? this.commit(agent, event, result.status) : null;
  }

  private commit(agent: Agent, event: AgentEvent, status: AgentStatus): Agent {
    this.repository.saveStatus(agent.id, status);
    const next: Agent = { ...agent, ...status };
    this.log.info({ agentId: agent.id, from: agent.state, to: next.state, event: event.type, pauseReason: next.pauseReason }, 'agent state changed');

    const timer = this.wrapUpTimers.get(agent.id);
    if (timer && next.state !== 'wrap-up') {
      clearTimeout(timer);
      this.wrapUpTimers.delete(agent.id);
    }
    if (event.type === 'call-ended' && next.state === 'wrap-up' && event.wrapUpSeconds > 0) this.scheduleWrapUpEnd(agent.id, event.wrapUpSeconds * 1000);

    this.notify(next, agent);
    return next;
  }

  /**
   * A listener may itself change an agent (the ACD offers a call to an agent who just became
   * available); that change is told after every listener has heard the first, so everyone
   * hears the changes in the order they happened.
   */
  private notify(next: Agent, previous: Agent): void {
    this.pending.push([next, previous]);
    if (this.notifying) return;
    this.notifying = true;
    try {
      for (let change = this.pending.shift(); change; change = this.pending.shift()) {
        for (const listener of this.listeners) {
          try {
            listener(...change);
          } catch (err) {
            this.log.error({ err, agentId: change[0].id }, 'agent listener failed');
          }
        }
      }
    } finally {
      this.notifying = false;
    }
  }

  private scheduleWrapUpEnd(agentId: number, delayMs: number): void {
    clearTimeout(this.wrapUpTimers.get(agentId));
    const timer = setTimeout(() => {
      this.wrapUpTimers.delete(agentId);
      const owed = this.owedBy(agentId);
      if (owed) {
        this.log.info({ agentId, callId: owed }, 'wrap-up time is over but the call has no ticket or reason yet; wrap-up goes on');
        return;
      }
      this.tryApply(agentId, { type: 'ready' });
    }, delayMs);
    timer.unref();
    this.wrapUpTimers.set(agentId, timer);
  }
}
