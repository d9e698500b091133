import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { linkageFeedback } from '../db/schema/index.js';

export type Feedback = typeof linkageFeedback.$inferSelect;
export type FeedbackInput = Omit<Feedback, 'id'>;

/** What linkage targets' systems report back about the tickets they received. */
export class FeedbackRepository {
  constructor(private readonly db: Db) {}

  add(input: FeedbackInput): Feedback {
    return this.db.insert(linkageFeedback).values(input).returning().get();
  }

  forTicket(ticketId: number): Feedback[] {
    return this.db.select().from(linkageFeedback).where(eq(linkageFeedback.ticketId, ticketId)).orderBy(linkageFeedback.id).all();
  }
}
