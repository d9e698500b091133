import type { FastifyPluginAsync } from 'fastify';
import type { Agent } from '../agents/repository.js';
import { queueView } from '../queues/view.js';
import { send } from './hub.js';

/**
 * The desktop's live channel: GET /api/desktop/ws?token=… (browsers cannot set headers on a
 * WebSocket). On every (re)connect the page gets the current state, so a pop that arrived
 * while it was away is not lost.
 */
const desktopRoutes: FastifyPluginAsync = async (app) => {
  /** The call an agent's page should show: the one ringing or talking, in wrap-up the one just ended, otherwise one still owing a ticket. */
  const currentPop = (agent: Agent) => {
    const callId = agent.currentCallId ?? (agent.state === 'wrap-up' ? app.callLog.lastCallOfAgent(agent.id)?.id : app.agentService.owedCall(agent.id));
    return callId ? app.desktopPop(callId) : null;
  };

  app.get('/ws', { websocket: true, onRequest: app.authenticate }, (socket, request) => {
    const user = request.user!;
    if (user.role === 'agent') {
      const agent = user.agentId ? app.agentsRepository.get(user.agentId) : null;
      if (!agent) {
        socket.close(4403, 'this user is not linked to an agent');
        return;
      }
      socket.on('close', app.desktopHub.addAgent(agent.id, socket));
      send(socket, { type: 'agent', agent });
      const pop = currentPop(agent);
      if (pop) send(socket, { type: agent.state === 'ringing' ? 'offer' : 'call', pop });
      return;
    }
    socket.on('close', app.desktopHub.addSupervisor(socket));
    const waiting = app.acd.snapshot();
    send(socket, {
      type: 'snapshot',
      agents: app.agentsRepository.list(),
      queues: app.queuesRepository.list().map((q) => queueView(q, waiting, { maskCallers: false })),
    });
  });
};

export default desktopRoutes;
