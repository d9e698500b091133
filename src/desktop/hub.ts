import type { Agent } from '../agents/repository.js';
import type { ScreenPop } from './pop.js';

/** A connected desktop: anything that can be sent a JSON text frame. */
export interface DesktopSocket {
  send(data: string): void;
}

export type DesktopMessage =
  | { type: 'agent'; agent: Agent }
  | { type: 'offer'; pop: ScreenPop }
  | { type: 'snapshot'; agents: Agent[] };

/**
 * Who is connected and what they may hear: an agent hears only about themselves (their
 * state, the calls offered to them); supervisors hear every agent.
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

  agentChanged(agent: Agent): void {
    const message: DesktopMessage = { type: 'agent', agent };
    this.toAgent(agent.id, message);
    for (const socket of this.supervisors) send(socket, message);
  }

  offered(agentId: number, pop: ScreenPop): void {
    this.toAgent(agentId, { type: 'offer', pop });
  }

  private toAgent(agentId: number, message: DesktopMessage): void {
    for (const socket of this.agents.get(agentId) ?? []) send(socket, message);
  }
}

export function send(socket: DesktopSocket, message: DesktopMessage): void {
  try {
    socket.send(JSON.stringify(message));
  } catch {
    // A socket closing under us is removed by its own close handler.
  }
}
