import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { ErrorResponse, Nullable } from '../http/schemas.js';
import { validateMenu } from '../ivr/validator.js';
import { simulate } from '../ivr/simulator.js';
import { promptText } from '../ivr/prompt-texts.js';
import { ticketProgressPrompts } from '../tickets/progress.js';
import type { MenuDefinition } from '../ivr/model.js';
import { menuContext } from './context.js';

const Input = Type.Union([
  Type.Object({ digit: Type.String({ pattern: '^[0-9*#]{1,32}$' }) }, { additionalProperties: false }),
  Type.Object({ timeout: Type.Literal(true) }, { additionalProperties: false }),
  Type.Object({ transfer: Type.Union([Type.Literal('answered'), Type.Literal('failed')]) }, { additionalProperties: false }),
]);
const Body = Type.Object(
  {
    /** A draft to try before saving; wins over version. */
    definition: Type.Optional(Type.Unknown()),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    /** ISO date-time hours nodes are judged at; default now. */
    at: Type.Optional(Type.String({ minLength: 10, maxLength: 40 })),
    inputs: Type.Array(Input, { maxItems: 200 }),
  },
  { additionalProperties: false },
);
const Step = Type.Object({
  input: Nullable(Type.Unknown()),
  nodeId: Type.String(),
  label: Type.String(),
  kind: Type.String(),
  language: Type.String(),
  played: Type.Array(Type.Object({ ref: Type.String(), text: Nullable(Type.String()) })),
  outcome: Nullable(Type.Unknown()),
});
const Simulation = Type.Object({
  steps: Type.Array(Step),
  done: Type.Boolean(),
  waitingFor: Nullable(Type.Union([Type.Literal('key'), Type.Literal('digits'), Type.Literal('transfer')])),
});
const MenuError = Type.Object({ nodeId: Nullable(Type.String()), field: Type.String(), message: Type.String() });
const InvalidMenuResponse = Type.Intersect([ErrorResponse, Type.Object({ errors: Type.Optional(Type.Array(MenuError)) })]);

/** Tries a menu (a draft, a stored version, or the published one) with a caller's inputs, without a call. */
const simulateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  app.addHook('preHandler', app.requireRole('admin', 'supervisor'));

  app.post(
    '/:name/simulate',
    {
      schema: {
        params: Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }) }),
        body: Body,
        response: { 200: Simulation, 400: InvalidMenuResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      const { definition, version, at, inputs } = request.body;
      const now = at === undefined ? app.clock() : Date.parse(at);
      if (Number.isNaN(now)) throw new errors.InvalidInput(`at: "${at}" is not an ISO date-time`);

      let menu: MenuDefinition;
      if (definition !== undefined) {
        const result = validateMenu(definition, menuContext(app));
        if (!result.ok) {
          return reply.code(400).send({
            statusCode: 400,
            code: 'INVALID_MENU',
            error: 'Bad Request',
            message: `Invalid menu: ${result.errors[0]!.message}${result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : ''}`,
            errors: result.errors,
          });
        }
        menu = result.menu;
      } else {
        const stored = version === undefined ? app.menusRepository.published(name) : app.menusRepository.version(name, version);
        if (!stored) throw new errors.NotFound(version === undefined ? `Menu "${name}"` : `Version ${version} of menu "${name}"`);
        menu = stored.definition;
      }

      return simulate(menu, inputs, {
        at: now,
        calendar: (calendar) => app.calendars.get(calendar),
        language: app.config.PROMPT_LANGUAGE,
        ticketProgress: (digits) => ticketProgressPrompts(app.ticketsRepository, digits),
        // What an admin typed for the prompt's current version; the shipped text for a built-in or uploaded one.
        promptText: (ref, language) => app.promptsRepository.current(ref, language)?.text ?? promptText(ref, language),
      });
    },
  );
};

export default simulateRoutes;
