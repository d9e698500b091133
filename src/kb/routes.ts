import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { ErrorResponse, IdParam, Nullable, OneOf } from '../http/schemas.js';
import { categoryCodes } from '../tickets/catalogue.js';
import { chinaDate, validities, type Article, type ArticleInput } from './repository.js';

const Day = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const ArticleView = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  category: Type.String(),
  unit: Nullable(Type.String()),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  retiredAt: Nullable(Type.Integer()),
  createdBy: Nullable(Type.Integer()),
  createdAt: Type.Integer(),
  updatedBy: Nullable(Type.Integer()),
  updatedAt: Type.Integer(),
});

export const ArticleHitView = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  category: Type.String(),
  unit: Nullable(Type.String()),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  retiredAt: Nullable(Type.Integer()),
  validity: OneOf(validities),
  /** HTML: the text escaped, the hits in <mark>. */
  titleHtml: Type.String(),
  snippetHtml: Type.String(),
});

const fields = {
  title: Type.String({ minLength: 2, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 20_000 }),
  category: OneOf(categoryCodes),
  unit: Nullable(Type.String({ maxLength: 100 })),
  validFrom: Day,
  validTo: Nullable(Day),
};
const ArticleBody = Type.Object(
  { ...fields, unit: Type.Optional(fields.unit), validFrom: Type.Optional(fields.validFrom), validTo: Type.Optional(fields.validTo) },
  { additionalProperties: false },
);
const ArticleChanges = Type.Partial(Type.Object(fields, { additionalProperties: false }), { minProperties: 1 });

const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const checkDates = (article: Pick<Article, 'validFrom' | 'validTo'>) => {
  if (article.validTo !== null && article.validTo < article.validFrom) throw new errors.InvalidInput(`validTo: ${article.validTo} is before validFrom ${article.validFrom}`);
};

/**
 * The knowledge base: every call-centre user reads and searches it; supervisors and admins
 * write it. Handling-unit users do not: the articles are the hotline's answers, worded for
 * agents to read out, and the hotline vouches for them (a unit's change reaches it as a reply
 * or a ticket, and a supervisor writes it up).
 */
const kbRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const editors = { preHandler: app.requireRole('admin', 'supervisor') };

  app.get(
    '/',
    {
      schema: {
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            category: Type.Optional(OneOf(categoryCodes)),
            unit: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            /** current (what agents find, the default), future, expired, retired, or all. */
            validity: Type.Optional(OneOf([...validities, 'all'] as const)),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(ArticleHitView), ...errorsOf },
      },
    },
    async (request) => app.kbRepository.search(request.query, app.clock()),
  );

  app.get(
    '/units',
    { schema: { response: { 200: Type.Array(Type.Object({ unit: Type.String(), articles: Type.Integer() })), ...errorsOf } } },
    async () => app.kbRepository.units(),
  );

  app.get('/:id', { schema: { params: IdParam, response: { 200: ArticleView, ...errorsOf } } }, async (request) => {
    const article = app.kbRepository.get(request.params.id);
    if (!article) throw new errors.NotFound(`Article ${request.params.id}`);
    return article;
  });

  app.post('/', { ...editors, schema: { body: ArticleBody, response: { 201: ArticleView, ...errorsOf } } }, async (request, reply) => {
    const input: ArticleInput = { ...request.body, validFrom: request.body.validFrom ?? chinaDate(app.clock()) };
    checkDates({ validFrom: input.validFrom!, validTo: input.validTo ?? null });
    const article = app.kbRepository.create(input, request.user!.id, app.clock());
    request.log.info({ article: article.id, by: request.user!.username }, 'knowledge article written');
    return reply.code(201).send(article);
  });

  app.put('/:id', { ...editors, schema: { params: IdParam, body: ArticleChanges, response: { 200: ArticleView, ...errorsOf } } }, async (request) => {
    const current = app.kbRepository.get(request.params.id);
    if (!current) throw new errors.NotFound(`Article ${request.params.id}`);
    checkDates({ ...current, ...request.body });
    return app.kbRepository.update(current.id, request.body, request.user!.id, app.clock())!;
  });

  app.post('/:id/retire', { ...editors, schema: { params: IdParam, response: { 200: ArticleView, ...errorsOf } } }, async (request) => {
    const article = app.kbRepository.retire(request.params.id, request.user!.id, app.clock());
    if (!article) throw new errors.NotFound(`Article ${request.params.id}`);
    return article;
  });

  app.post('/:id/restore', { ...editors, schema: { params: IdParam, response: { 200: ArticleView, ...errorsOf } } }, async (request) => {
    const article = app.kbRepository.restore(request.params.id, request.user!.id, app.clock());
    if (!article) throw new errors.NotFound(`Article ${request.params.id}`);
    return article;
  });

  app.delete('/:id', { ...editors, schema: { params: IdParam, response: { 204: Type.Null(), ...errorsOf } } }, async (request, reply) => {
    const { id } = request.params;
    if (!app.kbRepository.get(id)) throw new errors.NotFound(`Article ${id}`);
    const cited = app.kbRepository.citations(id);
    if (cited > 0) throw new errors.Conflict(`Article ${id} is cited by ${cited} ticket(s); retire it instead (POST /api/kb/${id}/retire)`);
    app.kbRepository.remove(id);
    return reply.code(204).send(null);
  });
};

export default kbRoutes;
