import { stat } from 'node:fs/promises';
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { promptSources } from '../db/schema/index.js';
import { errors } from '../errors.js';
import { ErrorResponse, Nullable, OneOf } from '../http/schemas.js';
import { promptTexts } from '../ivr/prompt-texts.js';
import { sendWav } from '../http/audio-file.js';
import { promptLanguages, type PromptLanguage } from './languages.js';
import type { PromptVersion } from './repository.js';
import { MAX_UPLOAD_BYTES, uploadTypes } from './upload.js';
import { publishedUsage } from './usage.js';

const Name = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$', maxLength: 64 });
// An enum rather than a union of literals: its 400 says "must be equal to one of the allowed values".
const Language = Type.Unsafe<PromptLanguage>({ type: 'string', enum: [...promptLanguages] });
const NameLanguage = Type.Object({ name: Name, language: Language });
const Version = Type.Object({
  version: Type.Integer(),
  source: OneOf(promptSources),
  text: Nullable(Type.String()),
  durationMs: Nullable(Type.Integer()),
  sizeBytes: Nullable(Type.Integer()),
  restoredFrom: Nullable(Type.Integer()),
  createdAt: Type.Integer(),
  createdBy: Nullable(Type.Integer()),
});
const Use = Type.Object({ menu: Type.String(), nodeId: Type.String() });
const PromptView = Type.Object({
  name: Type.String(),
  languages: Type.Array(
    Type.Object({ language: Type.String(), version: Type.Integer(), source: OneOf(promptSources), text: Nullable(Type.String()), durationMs: Nullable(Type.Integer()), updatedAt: Type.Integer() }),
  ),
  usedBy: Type.Array(Use),
});
const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse };

const sendAudioAs = `content-type: send audio as ${Object.keys(uploadTypes).join(', ')}`;

const versionView = ({ file: _file, ...v }: PromptVersion) => v;

/**
 * The IVR's prompts: supervisors listen, admins make new versions from text (espeak-ng) or an
 * upload (WAV or MP3, converted for the telephone), restore old ones and delete unused ones.
 */
const promptsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  app.addHook('preHandler', app.requireRole('admin', 'supervisor'));

  app.addContentTypeParser(Object.keys(uploadTypes), { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) => done(null, body));
  // Too large or of another type is the admin's file, not a transport problem: a 400 naming the limit, like every other bad upload.
  app.setErrorHandler((err: FastifyError) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new errors.InvalidInput(`audio: larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') throw new errors.InvalidInput(sendAudioAs);
    throw err;
  });

  app.get('/', { schema: { response: { 200: Type.Array(PromptView), ...errorsOf } } }, async () => {
    const usage = publishedUsage(app.menusRepository);
    const byName = new Map<string, Array<Omit<ReturnType<typeof app.promptsRepository.list>[number], 'name'>>>();
    for (const { name, ...language } of app.promptsRepository.list()) byName.set(name, [...(byName.get(name) ?? []), language]);
    return [...byName].map(([name, languages]) => ({ name, languages, usedBy: usage.get(name) ?? [] }));
  });

  app.get('/:name/:language/versions', { schema: { params: NameLanguage, response: { 200: Type.Array(Version), ...errorsOf } } }, async (request) => {
    const { name, language } = request.params;
    const versions = app.promptsRepository.versions(name, language);
    if (!versions.length) throw new errors.NotFound(`Prompt "${name}" (${language})`);
    return versions.map(versionView);
  });

  // No response schema for 200/206: the body is audio. ?token= lets an <audio> element play it.
  app.get(
    '/:name/:language/audio',
    { schema: { params: NameLanguage, querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })), token: Type.Optional(Type.String()) }) } },
    async (request, reply) => {
      const { name, language } = request.params;
      const { version } = request.query;
      const file = app.prompts.audioFile(name, language, version);
      if (!file) throw new errors.NotFound(`Audio of prompt "${name}" (${language})${version ? ` version ${version}` : ''}`);
      const size = (await stat(file)).size;
      return sendWav(reply, file, size, request.headers.range, 'the prompt');
    },
  );

  app.post(
    '/:name/:language/tts',
    {
      preHandler: app.requireRole('admin'),
      schema: { params: NameLanguage, body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 1000 }) }), response: { 201: Version, ...errorsOf } },
    },
    async (request, reply) => {
      const { name, language } = request.params;
      const text = request.body.text.trim();
      if (!text) throw new errors.InvalidInput('text: must not be blank');
      return reply.code(201).send(versionView(await app.prompts.synthesise(name, language, text, request.user!.id)));
    },
  );

  app.put(
    '/:name/:language/audio',
    { preHandler: app.requireRole('admin'), schema: { params: NameLanguage, response: { 201: Version, ...errorsOf } } },
    async (request, reply) => {
      const { name, language } = request.params;
      const type = uploadTypes[(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()];
      if (!type) throw new errors.InvalidInput(sendAudioAs);
      const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return reply.code(201).send(versionView(await app.prompts.upload(name, language, data, type, request.user!.id)));
    },
  );

  app.post(
    '/:name/:language/restore',
    { preHandler: app.requireRole('admin'), schema: { params: NameLanguage, body: Type.Object({ version: Type.Integer({ minimum: 1 }) }), response: { 201: Version, ...errorsOf } } },
    async (request, reply) => {
      const { name, language } = request.params;
      return reply.code(201).send(versionView(await app.prompts.restore(name, language, request.body.version, request.user!.id)));
    },
  );

  app.delete('/:name', { preHandler: app.requireRole('admin'), schema: { params: Type.Object({ name: Name }), response: { 204: Type.Null(), ...errorsOf } } }, async (request, reply) => {
    const { name } = request.params;
    if (Object.hasOwn(promptTexts, name)) throw new errors.Conflict(`prompt "${name}" is built in: the service plays it itself; make a new version instead of deleting it`);
    const uses = publishedUsage(app.menusRepository).get(name);
    if (uses?.length) throw new errors.Conflict(`prompt "${name}" is used by ${uses.map((u) => `menu "${u.menu}" node "${u.nodeId}"`).join(', ')}; take it out of the menu first`);
    if (!(await app.prompts.remove(name, request.user!.id))) throw new errors.NotFound(`Prompt "${name}"`);
    request.log.info({ prompt: name, by: request.user!.username }, 'prompt deleted');
    return reply.code(204).send(null);
  });
};

export default promptsRoutes;
