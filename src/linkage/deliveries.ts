import { and, asc, eq, inArray, lte, min, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { linkageDeliveries, linkageDeliveryAttempts } from '../db/schema/index.js';

export type Delivery = typeof linkageDeliveries.$inferSelect;
export type DeliveryAttempt = typeof linkageDeliveryAttempts.$inferSelect;
export type DeliveryInput = Pick<Delivery, 'targetCode' | 'ticketId' | 'callId' | 'payload'>;

/** One try's result: answered with a status, or failed with an error before any answer. */
export interface AttemptResult {
  at: number;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * The outbox of ticket summaries owed to linkage targets' systems. A row is written with the
 * ticket (in the same transaction where there is one), so a crash never loses a delivery.
 */
export class DeliveriesRepository {
  constructor(private readonly db: Db) {}

  /** A delivery due at once. */
  enqueue(input: DeliveryInput, now = Date.now()): Delivery {
    return this.db
      .insert(linkageDeliveries)
      .values({ ...input, status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now })
      .returning()
      .get();
  }

  /** Enqueues unless the ticket was already queued for the target; null when it was. */
  enqueueOnce(input: DeliveryInput, now = Date.now()): Delivery | null {
    return this.db.transaction(() => (this.wasQueued(input.ticketId, input.targetCode) ? null : this.enqueue(input, now)));
  }

  wasQueued(ticketId: number, targetCode: string): boolean {
    const row = this.db
      .select({ id: linkageDeliveries.id })
      .from(linkageDeliveries)
      .where(and(eq(linkageDeliveries.ticketId, ticketId), eq(linkageDeliveries.targetCode, targetCode)))
      .limit(1)
      .get();
    return row !== undefined;
  }

  pendingFor(ticketId: number, targetCode: string): Delivery | null {
    return (
      this.db
        .select()
        .from(linkageDeliveries)
        .where(and(eq(linkageDeliveries.ticketId, ticketId), eq(linkageDeliveries.targetCode, targetCode), eq(linkageDeliveries.status, 'pending')))
        .get() ?? null
    );
  }

  tries(deliveryId: number): DeliveryAttempt[] {
    return this.db.select().from(linkageDeliveryAttempts).where(eq(linkageDeliveryAttempts.deliveryId, deliveryId)).orderBy(linkageDeliveryAttempts.id).all();
  }

  /** The targets with a pending delivery whose time has come. */
  dueTargets(now = Date.now()): string[] {
    return this.db
      .selectDistinct({ target: linkageDeliveries.targetCode })
      .from(linkageDeliveries)
      .where(and(eq(linkageDeliveries.status, 'pending'), lte(linkageDeliveries.nextAttemptAt, now)))
      .all()
      .map((r) => r.target);
  }

  /** The target's longest-waiting due delivery. */
  nextDue(targetCode: string, now = Date.now()): Delivery | null {
    return (
      this.db
        .select()
        .from(linkageDeliveries)
        .where(and(eq(linkageDeliveries.status, 'pending'), eq(linkageDeliveries.targetCode, targetCode), lte(linkageDeliveries.nextAttemptAt, now)))
        .orderBy(asc(linkageDeliveries.nextAttemptAt), asc(linkageDeliveries.id))
        .limit(1)
        .get() ?? null
    );
  }

  /** When the next pending delivery falls due, leaving out targets being served; null when nothing is owed. */
  nextDueAt(except: string[] = []): number | null {
    const pending = eq(linkageDeliveries.status, 'pending');
    const where = except.length ? and(pending, notInArray(linkageDeliveries.targetCode, except)) : pending;
    return this.db.select({ at: min(linkageDeliveries.nextAttemptAt) }).from(linkageDeliveries).where(where).get()?.at ?? null;
  }

  /** Logs the try and, in the same transaction, marks the delivery delivered or due again at `nextAttemptAt`. */
  recordAttempt(id: number, attempt: AttemptResult, outcome: { delivered: true } | { nextAttemptAt: number }): Delivery {
    return this.db.transaction((tx) => {
      tx.insert(linkageDeliveryAttempts).values({ deliveryId: id, ...attempt }).run();
      const next = 'delivered' in outcome ? { status: 'delivered' as const, deliveredAt: attempt.at } : { nextAttemptAt: outcome.nextAttemptAt };
      return tx
        .update(linkageDeliveries)
        .set({ attempts: sql`${linkageDeliveries.attempts} + 1`, ...next })
        .where(eq(linkageDeliveries.id, id))
        .returning()
        .get()!;
    });
  }

  /** A ticket's deliveries, each with its tries in order: what the ticket shows of its travels. */
  forTicket(ticketId: number): Array<Delivery & { tries: DeliveryAttempt[] }> {
    const deliveries = this.db.select().from(linkageDeliveries).where(eq(linkageDeliveries.ticketId, ticketId)).orderBy(linkageDeliveries.id).all();
    if (deliveries.length === 0) return [];
    const ids = deliveries.map((d) => d.id);
    const tries = this.db.select().from(linkageDeliveryAttempts).where(inArray(linkageDeliveryAttempts.deliveryId, ids)).orderBy(linkageDeliveryAttempts.id).all();
    return deliveries.map((d) => ({ ...d, tries: tries.filter((a) => a.deliveryId === d.id) }));
  }
}
