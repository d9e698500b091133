import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { ErrorResponse, Nullable } from '../http/schemas.js';
import { callColumns, groupTitles, ticketColumns, toCsv, type Column } from './csv.js';
import type { Row } from './figures.js';
import { parseRange, type ReportRange } from './range.js';
import { callReport, ticketReports } from './reports.js';
import { callGroupings, ticketGroupings, type TicketGrouping } from './repository.js';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, a China (UTC+8) day, inclusive' });
const Rate = Nullable(Type.Number({ description: 'a fraction 0–1; null when its denominator is 0' }));
const Seconds = Nullable(Type.Number());
const Count = Type.Integer();

const CallFiguresSchema = Type.Object({
  offered: Count,
  answered: Count,
  abandoned: Count,
  answeredInServiceLevel: Count,
  answerRate: Rate,
  serviceLevel: Rate,
  averageWaitSeconds: Seconds,
  averageTalkSeconds: Seconds,
  surveyed: Count,
  surveySatisfied: Count,
  surveySatisfactionRate: Rate,
});
const TicketFiguresSchema = Type.Object({
  takenIn: Count,
  directAnswered: Count,
  completed: Count,
  signForDue: Count,
  signedForOnTime: Count,
  completionDue: Count,
  completedOnTime: Count,
  callbacks: Count,
  satisfied: Count,
  directAnswerRate: Rate,
  onTimeSignForRate: Rate,
  onTimeCompletionRate: Rate,
  completionRate: Rate,
  callbackSatisfactionRate: Rate,
});

const rowsOf = <F extends TSchema>(figures: F) => Type.Array(Type.Intersect([Type.Object({ key: Nullable(Type.String()), label: Type.String() }), figures]));

const report = <F extends TSchema>(figures: F, extra: Record<string, TSchema> = {}) =>
  Type.Object({
    from: Type.String(),
    to: Type.String(),
    by: Type.String(),
    ...extra,
    rows: rowsOf(figures),
    total: figures,
  });

const grouping = <G extends string>(groupings: readonly G[]) => Type.Unsafe<G>({ type: 'string', enum: [...groupings], default: 'day' });
const query = <G extends string>(groupings: readonly G[]) =>
  Type.Object(
    {
      from: Day,
      to: Day,
      by: grouping(groupings),
      format: Type.Unsafe<'json' | 'csv'>({ type: 'string', enum: ['json', 'csv'], default: 'json' }),
    },
    { additionalProperties: false },
  );
const AsOf = Type.Integer({ description: 'epoch ms: deadlines not yet passed then are not counted' });
const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** The hotline's figures (figures.ts defines each) for a range of China days, as JSON or as a CSV for Excel. */
const reportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  app.addHook('preHandler', app.requireRole('supervisor', 'admin'));

  function send<F>(reply: FastifyReply, kind: string, range: ReportRange, by: string, format: string, columns: Column<F>[], rows: Row<F>[], total: F, extra: Record<string, unknown>) {
    if (format === 'csv') {
      const filename = `${kind}-by-${by}-${range.from}-to-${range.to}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(Buffer.from(toCsv(groupTitles[by]!, columns, rows, total), 'utf8'));
    }
    return { from: range.from, to: range.to, by, ...extra, rows: rows.map((r) => ({ key: r.key, label: r.label, ...r.figures })), total };
  }

  app.get(
    '/calls',
    {
      schema: {
        querystring: query(callGroupings),
        response: { 200: report(CallFiguresSchema, { serviceLevelSeconds: Type.Integer() }), ...errorsOf },
      },
    },
    async (request, reply) => {
      const { from, to, by, format } = request.query;
      const range = parseRange(from, to);
      const serviceLevelMs = app.config.SERVICE_LEVEL_SECONDS * 1000;
      const repo = app.reportsRepository;
      const { rows, total } = repo.snapshot(() => callReport(repo, range, by, serviceLevelMs));
      return send(reply, 'calls', range, by, format, callColumns, rows, total, { serviceLevelSeconds: app.config.SERVICE_LEVEL_SECONDS });
    },
  );

  app.get(
    '/tickets',
    {
      schema: {
        querystring: query(ticketGroupings),
        response: { 200: report(TicketFiguresSchema, { asOf: AsOf }), ...errorsOf },
      },
    },
    async (request, reply) => {
      const { from, to, by, format } = request.query;
      const range = parseRange(from, to);
      const now = app.clock();
      const repo = app.reportsRepository;
      const { rows, total } = repo.snapshot(() => {
        const reports = ticketReports(repo, range, now);
        const report = reports.report(by);
        return { rows: report.rows, total: report.total ?? reports.total() };
      });
      return send(reply, 'tickets', range, by, format, ticketColumns, rows, total, { asOf: now });
    },
  );

  // The report page in one request: the two tables in the groupings asked for, with the
  // groupings its charts always draw. One snapshot, so the charts and tables agree.
  app.get(
    '/overview',
    {
      schema: {
        querystring: Type.Object({ from: Day, to: Day, calls: grouping(callGroupings), tickets: grouping(ticketGroupings) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            serviceLevelSeconds: Type.Integer(),
            asOf: AsOf,
            calls: Type.Object({ by: Type.String(), rows: rowsOf(CallFiguresSchema), total: CallFiguresSchema }),
            tickets: Type.Object({ by: Type.String(), rows: rowsOf(TicketFiguresSchema), total: TicketFiguresSchema }),
            callsByDay: rowsOf(CallFiguresSchema),
            ticketsByChannel: rowsOf(TicketFiguresSchema),
            ticketsByType: rowsOf(TicketFiguresSchema),
            ticketsByUnit: rowsOf(TicketFiguresSchema),
          }),
          ...errorsOf,
        },
      },
    },
    async (request) => {
      const { from, to, calls: callsBy, tickets: ticketsBy } = request.query;
      const range = parseRange(from, to);
      const serviceLevelMs = app.config.SERVICE_LEVEL_SECONDS * 1000;
      const now = app.clock();
      const repo = app.reportsRepository;
      const flat = <F>(rows: Row<F>[]) => rows.map((r) => ({ key: r.key, label: r.label, ...r.figures }));
      return repo.snapshot(() => {
        const callsByDay = callReport(repo, range, 'day', serviceLevelMs);
        const calls = callsBy === 'day' ? callsByDay : callReport(repo, range, callsBy, serviceLevelMs);
        const reports = ticketReports(repo, range, now);
        const chosen = reports.report(ticketsBy);
        const byTickets = (by: TicketGrouping) => (by === ticketsBy ? chosen : reports.report(by));
        return {
          from: range.from,
          to: range.to,
          serviceLevelSeconds: app.config.SERVICE_LEVEL_SECONDS,
          asOf: now,
          calls: { by: callsBy, rows: flat(calls.rows), total: calls.total },
          tickets: { by: ticketsBy, rows: flat(chosen.rows), total: chosen.total ?? reports.total() },
          callsByDay: flat(callsByDay.rows),
          ticketsByChannel: flat(byTickets('channel').rows),
          ticketsByType: flat(byTickets('type').rows),
          ticketsByUnit: flat(byTickets('unit').rows),
        };
      });
    },
  );
};

export default reportsRoutes;
