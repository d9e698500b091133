import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ErrorResponse, Nullable } from '../http/schemas.js';
import type { CallSession } from './session.js';
import { linkageView } from './linkage-calls.js';

const CallParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Linkage = Type.Object({ target: Type.String(), name: Type.String(), mode: Type.String(), state: Type.String() });
const Done = Type.Object({ callId: Type.String(), held: Type.Boolean(), phase: Type.String(), linkage: Nullable(Linkage) });
const LinkageStart = Type.Object(
  {
    target: Type.String({ pattern: '^[A-Za-z0-9-]{1,20}$', description: 'a linkage target code, e.g. 110' }),
    mode: Type.Union([Type.Literal('three-way'), Type.Literal('consult'), Type.Literal('transfer')], {
      description: 'three-way: all three talk; consult: the caller waits on hold while the agent talks to the target; transfer: the caller goes to the target and the agent is freed',
    }),
  },
  { additionalProperties: false },
);
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
  const done = (session: CallSession) => ({ callId: session.id, held: session.held, phase: session.phase, linkage: linkageView(session.link) });
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

  app.post('/:id/linkage', { schema: { params: CallParam, body: LinkageStart, response: { 200: Done, ...errorsOf } } }, async (request) => {
    const session = sessionFor(request);
    await app.linkageCalls.start(session, request.body.target, request.body.mode, request.user!.username);
    return done(session);
  });

  // join: a consultation becomes three-way; leave: the agent hands the caller to the target; drop: the target is hung up.
  for (const name of ['join', 'leave', 'drop'] as const) {
    app.post(`/:id/linkage/${name}`, { schema: { params: CallParam, response: { 200: Done, ...errorsOf } } }, async (request) => {
      const session = sessionFor(request);
      await app.linkageCalls[name](session, request.user!.username);
      return done(session);
    });
  }
};

export default callControlRoutes;
