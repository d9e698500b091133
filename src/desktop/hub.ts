import type { AgentView as Agent, CallbackFailedNotice, DesktopMessage, LinkageFailedNotice, QueueView, ScreenPop } from './wire.js';

/** A connected desktop: anything that can be sent a JSON text frame. */
export interface DesktopSocket {
  send(data: string): void;
}

/**
 * Who is connected and what they may hear: an agent hears only about themselves (their
 * state, the calls offered to them); supervisors hear every agent and every queue.
 */
export class DesktopHub {
  private readonly agents = new Map<number, Set<DesktopSocket>>();
  private readonly supervisors = new Set<DesktopSocket>();

  addAgent(agentId: number, socket: DesktopSocket): () => void {
    const sockets = this.agents.get(agentId) ?? new Set();
    sockets.add(socket);
    this.agents.set(agentId, sockets);
    return () => {
      sockets.delete(socket);
      if (!sockets.size) this.agents.delete(agentId);
    };
  }

  addSupervisor(socket: DesktopSocket): () => void {
    this.supervisors.add(socket);
    return () => this.supervisors.delete(socket);
  }

  hasSupervisors(): boolean {
    return this.supervisors.size > 0;
  }

  isConnected(agentId: number): boolean {
    return this.agents.has(agentId);
  }

  agentChanged(agent: Agent): void {
    const message: DesktopMessage = { type: 'agent', agent };
    this.toAgent(agent.id, message);
    this.toSupervisors(message);
  }

  /** `offer`: the agent's phone is ringing for this call; `call`: the call they are on changed. */
  pop(agentId: number, type: 'offer' | 'call', pop: ScreenPop): void {
    this.toAgent(agentId, { type, pop });
  }

  linkageFailed(agentId: number, notice: LinkageFailedNotice): void {
    this.toAgent(agentId, { type: 'linkage-failed', notice });
  }

  callbackFailed(agentId: number, notice: CallbackFailedNotice): void {
    this.toAgent(agentId, { type: 'callback-failed', notice });
  }

  /** Everyone's callback list is out of date. */
  callbacksChanged(): void {
    const message: DesktopMessage = { type: 'callbacks' };
    sendAll([...this.agents.values()].flatMap((s) => [...s]), message);
    this.toSupervisors(message);
  }

  queuesChanged(queues: QueueView[]): void {
    this.toSupervisors({ type: 'queues', queues });
  }

  private toAgent(agentId: number, message: DesktopMessage): void {
    const sockets = this.agents.get(agentId);
    if (sockets) sendAll(sockets, message);
  }

  private toSupervisors(message: DesktopMessage): void {
    sendAll(this.supervisors, message);
  }
}

/** Serialised once however many sockets hear it. */
function sendAll(sockets: Iterable<DesktopSocket>, message: DesktopMessage): void {
  const data = JSON.stringify(message);
  for (const socket of sockets) sendRaw(socket, data);
}

export function send(socket: DesktopSocket, message: DesktopMessage): void {
  sendRaw(socket, JSON.stringify(message));
}

function sendRaw(socket: DesktopSocket, data: string): void {
  try {
    socket.send(data);
  } catch {
    // A socket closing under us is removed by its own close handler.
  }
}
