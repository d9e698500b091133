import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { ErrorResponse, Nullable } from '../http/schemas.js';
import { weekdays } from './model.js';
import { saveCalendar } from './editing.js';
import { validateCalendar } from './validate.js';

const Range = Type.Object({ from: Type.String(), to: Type.String() });
const Calendar = Type.Object({
  name: Type.String(),
  weekly: Type.Object(Object.fromEntries(weekdays.map((d) => [d, Type.Array(Range)]))),
  overrides: Type.Array(
    Type.Object({ date: Type.String(), kind: Type.String(), label: Type.Optional(Type.String()), hours: Type.Optional(Type.Array(Range)) }),
  ),
  updatedAt: Type.Integer(),
  updatedBy: Nullable(Type.Integer()),
});
const CalendarError = Type.Object({ field: Type.String(), message: Type.String() });
const InvalidCalendarResponse = Type.Intersect([ErrorResponse, Type.Object({ errors: Type.Optional(Type.Array(CalendarError)) })]);
const NameParam = Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }) });
const errorsOf = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** Working calendars: supervisors read them, admins replace one whole, validated first and audited. */
const calendarsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  app.addHook('preHandler', app.requireRole('admin', 'supervisor'));

  app.get('/', { schema: { response: { 200: Type.Array(Calendar), ...errorsOf } } }, async () => app.calendars.list());

  app.get('/:name', { schema: { params: NameParam, response: { 200: Calendar, ...errorsOf } } }, async (request) => {
    const calendar = app.calendars.get(request.params.name);
    if (!calendar) throw new errors.NotFound(`Calendar "${request.params.name}"`);
    return calendar;
  });

  app.put(
    '/:name',
    { preHandler: app.requireRole('admin'), schema: { params: NameParam, body: Type.Unknown(), response: { 200: Calendar, 400: InvalidCalendarResponse, ...errorsOf } } },
    async (request, reply) => {
      const result = validateCalendar(request.params.name, request.body);
      if (!result.ok) {
        const first = result.errors[0]!;
        return reply.code(400).send({
          statusCode: 400,
          code: 'INVALID_CALENDAR',
          error: 'Bad Request',
          message: `Invalid calendar: ${first.message}${result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : ''}`,
          errors: result.errors,
        });
      }
      const saved = saveCalendar({ db: app.db, calendars: app.calendars, audit: app.auditLog }, result.calendar, request.user!.id);
      request.log.info({ calendar: saved.name, overrides: saved.overrides.length, by: request.user!.username }, 'calendar saved');
      return saved;
    },
  );
};

export default calendarsRoutes;
