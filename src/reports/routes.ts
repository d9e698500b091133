import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { ErrorResponse, Nullable } from '../http/schemas.js';
import { callColumns, groupTitles, ticketColumns, toCsv, type Column } from './csv.js';
import { arrange, callFigures, emptyCallCounts, emptyTicketCounts, sumCounts, ticketFigures, type Row } from './figures.js';
import { labeller } from './labels.js';
import { parseRange, type ReportRange } from './range.js';
import { callGroupings, ticketGroupings } from './repository.js';

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

const report = <F extends TSchema>(figures: F, extra: Record<string, TSchema> = {}) =>
  Type.Object({
    from: Type.String(),
    to: Type.String(),
    by: Type.String(),
    ...extra,
    rows: Type.Array(Type.Intersect([Type.Object({ key: Nullable(Type.String()), label: Type.String() }), figures])),
    total: figures,
  });

const query = <G extends string>(groupings: readonly G[]) =>
  Type.Object(
    {
      from: Day,
      to: Day,
      by: Type.Unsafe<G>({ type: 'string', enum: [...groupings], default: 'day' }),
      format: Type.Unsafe<'json' | 'csv'>({ type: 'string', enum: ['json', 'csv'], default: 'json' }),
    },
    { additionalProperties: false },
  );
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
      // Every call falls in exactly one day, queue or agent group (no agent: the null group), so the groups add up to the total.
      const groups = repo.callCounts(range, by, serviceLevelMs);
      const names = by === 'day' ? new Map<string, string>() : repo.names(by, groups.map((g) => g.key));
      const rows = arrange(groups, callFigures, emptyCallCounts, labeller(by, names), by === 'day' ? range.days : null);
      const total = callFigures(sumCounts(groups, emptyCallCounts));
      return send(reply, 'calls', range, by, format, callColumns, rows, total, { serviceLevelSeconds: app.config.SERVICE_LEVEL_SECONDS });
    },
  );

  app.get(
    '/tickets',
    {
      schema: {
        querystring: query(ticketGroupings),
        response: { 200: report(TicketFiguresSchema, { asOf: Type.Integer({ description: 'epoch ms: deadlines not yet passed then are not counted' }) }), ...errorsOf },
      },
    },
    async (request, reply) => {
      const { from, to, by, format } = request.query;
      const range = parseRange(from, to);
      const now = app.clock();
      const repo = app.reportsRepository;
      const [groups, total] = repo.snapshot(() => {
        const groups = repo.ticketCounts(range, by, now);
        // A ticket falls in exactly one day, channel, type or category, so those groups add up to
        // the total; by unit a ticket counts for each of its units, so the total is counted apart.
        return [groups, sumCounts(by === 'unit' ? repo.ticketCounts(range, null, now) : groups, emptyTicketCounts)] as const;
      });
      const names = by === 'unit' ? repo.names('unit', groups.map((g) => g.key)) : new Map<string, string>();
      const rows = arrange(groups, ticketFigures, emptyTicketCounts, labeller(by, names), by === 'day' ? range.days : null);
      return send(reply, 'tickets', range, by, format, ticketColumns, rows, ticketFigures(total), { asOf: now });
    },
  );
};

export default reportsRoutes;
