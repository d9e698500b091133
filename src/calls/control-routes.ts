import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ErrorResponse } from '../http/schemas.js';
import type { CallSession } from './session.js';

const CallParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Done = Type.Object({ callId: Type.String(), held: Type.Boolean(), phase: Type.String() });
const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse };

const TransferTarget = Type.Union([
  Type.Object({ queue: Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' }) }, { additionalProperties: false }),
  Type.Object({ agentId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
]);

/** The desktop's call buttons. The agent on the call may use them; supervisors and admins on any call. */
const callControlRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  const sessionFor = (request: FastifyRequest) => {
    const user = request.user!;
    return app.callControls.find((request.params as { id: string }).id, user.role === 'agent' ? (user.agentId ?? -1) : null);
  };
  const done = (session: CallSession) => ({ callId: session.id, held: session.held, phase: session.phase });
  const action = (name: 'hold' | 'resume' | 'hangup') =>
    app.post(`/:id/${name}`, { schema: { params: CallParam, response: { 200: Done, ...errorsOf } } }, async (request) => {
      const session = sessionFor(request);
      await app.callControls[name](session, request.user!.username);
      return done(session);
    });

  action('hold');
  action('resume');
  action('hangup');

  app.post('/:id/transfer', { schema: { params: CallParam, body: TransferTarget, response: { 200: Done, ...errorsOf } } }, async (request) => {
    const session = sessionFor(request);
    await app.callControls.transfer(session, request.body, request.user!.username);
    return done(session);
  });
};

export default callControlRoutes;
