import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { ErrorResponse, Nullable } from '../http/schemas.js';

const Callback = Type.Object({
  id: Type.Integer(),
  callId: Type.String(),
  number: Type.String(),
  queue: Type.String(),
  reason: Type.String(),
  status: Type.String(),
  createdAt: Type.Integer(),
  doneAt: Nullable(Type.Integer()),
  doneBy: Nullable(Type.Integer()),
  callbackCallId: Nullable(Type.String()),
  /** The message the citizen left, if any (GET /api/recordings/:id). */
  recordingId: Nullable(Type.Integer()),
});
const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/**
 * The callback list: citizens who gave up waiting or asked to be called back on overflow,
 * oldest first, until someone has called them.
 */
const callbackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/',
    {
      schema: {
        querystring: Type.Object({ status: Type.Union([Type.Literal('pending'), Type.Literal('done')], { default: 'pending' }) }, { additionalProperties: false }),
        response: { 200: Type.Array(Callback), ...errorsOf },
      },
    },
    async (request) => {
      const { status } = request.query;
      const rows = status === 'pending' ? app.callLog.pendingCallbacks() : app.callLog.doneCallbacks(200);
      return rows.map((row) => ({ ...row, recordingId: app.recordings.storedOf(row.callId) }));
    },
  );

  // Click-to-call: the agent's phone rings, then the citizen's; done when the citizen answers.
  app.post(
    '/:id/call',
    { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 202: Type.Object({ callId: Type.String() }), ...errorsOf } } },
    async (request, reply) => {
      const user = request.user!;
      if (user.agentId === null || user.agentId === undefined) throw new errors.Forbidden('only an agent can call back: the call rings their own phone first');
      const session = await app.callbackCalls.call(request.params.id, user.agentId, user.username);
      return reply.code(202).send({ callId: session.id });
    },
  );

  // Called back from a phone outside the service: the agent marks it done.
  app.post('/:id/done', { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 200: Callback, ...errorsOf } } }, async (request) => {
    const callback = app.callLog.callback(request.params.id);
    if (!callback) throw new errors.NotFound(`Callback ${request.params.id}`);
    if (callback.status === 'done') throw new errors.Conflict(`Callback ${callback.id} was already done`);
    app.callLog.callbackDone(callback.id, request.user!.agentId ?? null, null);
    request.log.info({ callbackId: callback.id, by: request.user!.username }, 'callback marked done');
    return { ...app.callLog.callback(callback.id)!, recordingId: app.recordings.storedOf(callback.callId) };
  });
};

export default callbackRoutes;
