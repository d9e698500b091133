import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queues } from '../db/schema/index.js';

export type Queue = typeof queues.$inferSelect;

export class QueuesRepository {
  constructor(private readonly db: Db) {}

  list(): Queue[] {
    return this.db.select().from(queues).orderBy(queues.name).all();
  }

  get(name: string): Queue | null {
    return this.db.select().from(queues).where(eq(queues.name, name)).get() ?? null;
  }

  names(): Set<string> {
    return new Set(this.db.select({ name: queues.name }).from(queues).all().map((r) => r.name));
  }

  upsert(queue: Queue): Queue {
    const { name, ...rest } = queue;
    return this.db.insert(queues).values(queue).onConflictDoUpdate({ target: queues.name, set: rest }).returning().get();
  }
}
