import { Type } from '@sinclair/typebox';
import { linkageDeliveries, linkageFeedback } from '../db/schema/index.js';
import { Nullable, OneOf } from '../http/schemas.js';
import type { Delivery, DeliveryAttempt } from './deliveries.js';
import type { Feedback } from './feedback.js';

/** How a ticket's deliveries and feedback look over HTTP; the payload stays in the outbox (it repeats the ticket). */
export const DeliveryView = Type.Object({
  id: Type.Integer(),
  target: Type.String(),
  ticketNumber: Type.String(),
  status: OneOf(linkageDeliveries.status.enumValues),
  createdAt: Type.Integer(),
  nextAttemptAt: Nullable(Type.Integer()),
  deliveredAt: Nullable(Type.Integer()),
  attempts: Type.Array(
    Type.Object({ at: Type.Integer(), httpStatus: Nullable(Type.Integer()), error: Nullable(Type.String()), durationMs: Type.Integer() }),
  ),
});

export const FeedbackView = Type.Object({
  id: Type.Integer(),
  target: Type.String(),
  ticketNumber: Type.String(),
  status: OneOf(linkageFeedback.status.enumValues),
  result: Type.String(),
  externalId: Nullable(Type.String()),
  handledBy: Nullable(Type.String()),
  reportedAt: Type.Integer(),
  receivedAt: Type.Integer(),
});

export const deliveryView = (d: Delivery, tries: DeliveryAttempt[], ticketNumber: string) => ({
  id: d.id,
  target: d.targetCode,
  ticketNumber,
  status: d.status,
  createdAt: d.createdAt,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
  deliveredAt: d.deliveredAt,
  attempts: tries.map(({ at, httpStatus, error, durationMs }) => ({ at, httpStatus, error, durationMs })),
});

export const feedbackView = ({ ticketId: _ticket, targetCode, ...f }: Feedback, ticketNumber: string) => ({ ...f, target: targetCode, ticketNumber });
