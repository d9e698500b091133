import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assignmentStatuses, ticketChannels, ticketStatuses, ticketTypes, type AssignmentStatus, type TicketStatus } from '../db/schema/index.js';
import { errors } from '../errors.js';
import { OneOf } from '../http/schemas.js';
import { categoryCodes } from './catalogue.js';
import type { TicketFilter } from './list.js';
import { PartDeadline, TicketView, unitScope } from './views.js';

const words = Type.String({ pattern: '^[a-z-]+(,[a-z-]+)*$' });

export const ListQuery = Type.Object(
  {
    status: Type.Optional({ ...words, description: 'ticket statuses, comma-separated' }),
    unit: Type.Optional(Type.Integer({ minimum: 1, description: 'tickets with a part at this unit (and, unless subunits=false, the units below it)' })),
    subunits: Type.Boolean({ default: true }),
    part: Type.Optional({ ...words, description: "statuses of that part (or of any part in the user's scope), comma-separated" }),
    type: Type.Optional(OneOf(ticketTypes)),
    category: Type.Optional(OneOf(categoryCodes)),
    channel: Type.Optional(OneOf(ticketChannels)),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'taken in at or after, ISO 8601' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'taken in before, ISO 8601' })),
    deadline: Type.Optional(OneOf(['near', 'overdue'] as const)),
    caller: Type.Optional(Type.String({ pattern: '^[0-9+*#]{1,32}$', description: 'the whole caller number' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'digits: a ticket number prefix or part of a caller number; text: part of the title' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);

export const TicketListItem = Type.Object({
  ...TicketView.properties,
  /** Every unit's part, with the deadline it works against while the unit holds it. */
  parts: Type.Array(Type.Object({ unitId: Type.Integer(), unitName: Type.String(), status: OneOf(assignmentStatuses), deadline: Type.Union([PartDeadline, Type.Null()]) })),
});

function listOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (raw === undefined) return undefined;
  const values = raw.split(',');
  const bad = values.filter((v) => !allowed.includes(v as T));
  if (bad.length) throw new errors.InvalidInput(`${name}: no such status ${bad.join(', ')}; one of ${allowed.join(', ')}`);
  return values as T[];
}

/**
 * GET /api/tickets's query as a filter, scoped to the user: hotline staff see every ticket; a
 * unit user those with a part at their unit or a unit below it, and may narrow to one of those.
 */
export function listFilter(app: FastifyInstance, request: FastifyRequest, query: typeof ListQuery.static): { filter: TicketFilter; deadline?: 'near' | 'overdue' } {
  const { status, unit, subunits, part, type, category, channel, from, to, deadline, caller, q, limit, offset } = query;
  const fromMs = from === undefined ? undefined : Date.parse(from);
  const toMs = to === undefined ? undefined : Date.parse(to);
  if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs) throw new errors.InvalidInput('from: must be before to');
  const scope = unitScope(app, request);
  let unitIds = scope ?? undefined;
  if (unit !== undefined) {
    const all = app.handlingUnits.list();
    const named = all.find((u) => u.id === unit);
    if (!named) throw new errors.InvalidInput(`unit: no unit ${unit}`);
    if (scope && !scope.includes(unit)) throw new errors.Forbidden(`unit: ${named.name} (${unit}) is not your unit nor below it`);
    unitIds = subunits ? app.handlingUnits.subtree(unit, all) : [unit];
  }
  return {
    filter: {
      statuses: listOf<TicketStatus>('status', status, ticketStatuses),
      parts: listOf<AssignmentStatus>('part', part, assignmentStatuses),
      unitIds,
      type,
      category,
      channel,
      from: fromMs,
      to: toMs,
      caller,
      q,
      limit,
      offset,
    },
    deadline,
  };
}
