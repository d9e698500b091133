import { eq, max } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { linkageTargets } from '../db/schema/index.js';

export type LinkageTarget = Omit<typeof linkageTargets.$inferSelect, 'position' | 'webhookSecret'>;

const columns = {
  code: linkageTargets.code,
  name: linkageTargets.name,
  dialString: linkageTargets.dialString,
  timeoutSeconds: linkageTargets.timeoutSeconds,
  ticketTravels: linkageTargets.ticketTravels,
  webhookUrl: linkageTargets.webhookUrl,
};

export class LinkageTargetsRepository {
  constructor(private readonly db: Db) {}

  list(): LinkageTarget[] {
    return this.db.select(columns).from(linkageTargets).orderBy(linkageTargets.position).all();
  }

  get(code: string): LinkageTarget | null {
    return this.db.select(columns).from(linkageTargets).where(eq(linkageTargets.code, code)).get() ?? null;
  }

  /** A new target goes to the end of the desktop's row of buttons; an existing one keeps its place. */
  save(target: LinkageTarget): LinkageTarget {
    return this.db.transaction((tx) => {
      const last = tx.select({ n: max(linkageTargets.position) }).from(linkageTargets).get()?.n ?? 0;
      const { code, ...rest } = target;
      tx.insert(linkageTargets).values({ ...target, position: last + 1 }).onConflictDoUpdate({ target: linkageTargets.code, set: rest }).run();
      return target;
    });
  }

  remove(code: string): boolean {
    return this.db.delete(linkageTargets).where(eq(linkageTargets.code, code)).run().changes > 0;
  }
}
