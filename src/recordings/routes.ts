import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { ErrorResponse } from '../http/schemas.js';
import { assertMayHear } from './access.js';
import { sendWav } from '../http/audio-file.js';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/**
 * Call recordings: streamed to whoever may hear them, with byte ranges so the browser's
 * player can seek, and every listen written down.
 */
const recordingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  const findStored = (id: number) => {
    const recording = app.recordings.get(id);
    if (!recording) throw new errors.NotFound(`Recording ${id}`);
    return recording;
  };

  // No response schema: the 200 and 206 bodies are audio.
  app.get('/:id', { schema: { params: Id } }, async (request, reply) => {
    const recording = findStored(request.params.id);
    const user = request.user!;
    assertMayHear(user, recording.callId, app.callLog);
    if (recording.status !== 'stored' || !recording.path) {
      throw new errors.Conflict(`Recording ${recording.id} is ${recording.status}${recording.status === 'deleted' ? ' (past retention)' : ''}, not available to play`);
    }
    const file = join(app.config.RECORDINGS_DIR, recording.path);
    const size = (await stat(file).catch(() => null))?.size;
    if (size === undefined) throw new errors.NotFound(`Recording ${recording.id}'s file`);

    // A player asks for the start first; later ranges are the same listen seeking on.
    return sendWav(reply, file, size, request.headers.range, 'the recording', (range) => {
      if (range && range.start > 0) return;
      app.recordings.listened(recording.id, user.id);
      request.log.info({ recordingId: recording.id, callId: recording.callId, by: user.username }, 'recording listened to');
    });
  });

  app.get(
    '/:id/listens',
    {
      preHandler: app.requireRole('supervisor', 'admin'),
      schema: { params: Id, response: { 200: Type.Array(Type.Object({ userId: Type.Integer(), username: Type.String(), at: Type.Integer() })), ...errorsOf } },
    },
    async (request) => {
      const recording = findStored(request.params.id);
      const names = new Map(app.usersRepository.list().map((u) => [u.id, u.username]));
      return app.recordings.listens(recording.id).map((l) => ({ userId: l.userId, username: names.get(l.userId) ?? '?', at: l.at }));
    },
  );
};

export default recordingsRoutes;
