import type { FastifyPluginAsync } from 'fastify';
import { buildScreenPop } from './pop.js';
import { send } from './hub.js';

/**
 * The desktop's live channel: GET /api/desktop/ws?token=… (browsers cannot set headers on a
 * WebSocket). On every (re)connect the page gets the current state, so a pop that arrived
 * while it was away is not lost.
 */
const desktopRoutes: FastifyPluginAsync = async (app) => {
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
      const pop = agent.state === 'ringing' && agent.currentCallId ? buildScreenPop(agent.currentCallId, { callLog: app.callLog, tickets: app.ticketsRepository }) : null;
      if (pop) send(socket, { type: 'offer', pop });
      return;
    }
    socket.on('close', app.desktopHub.addSupervisor(socket));
    send(socket, { type: 'snapshot', agents: app.agentsRepository.list() });
  });
};

export default desktopRoutes;
