import { eq, isNotNull, max } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { linkageTargets } from '../db/schema/index.js';

export type LinkageTarget = Omit<typeof linkageTargets.$inferSelect, 'position' | 'webhookSecret'> & { hasWebhookSecret: boolean };
/** What an admin saves: the secret is write-only; left out, the stored one is kept, null clears it. */
export type LinkageTargetSettings = Omit<LinkageTarget, 'hasWebhookSecret'> & { webhookSecret?: string | null };

const columns = {
  code: linkageTargets.code,
  name: linkageTargets.name,
  dialString: linkageTargets.dialString,
  timeoutSeconds: linkageTargets.timeoutSeconds,
  ticketTravels: linkageTargets.ticketTravels,
  webhookUrl: linkageTargets.webhookUrl,
  hasWebhookSecret: isNotNull(linkageTargets.webhookSecret).mapWith(Boolean),
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
  save(target: LinkageTargetSettings): LinkageTarget {
    this.db.transaction((tx) => {
      const last = tx.select({ n: max(linkageTargets.position) }).from(linkageTargets).get()?.n ?? 0;
      const { code, ...rest } = target;
      tx.insert(linkageTargets).values({ ...target, position: last + 1 }).onConflictDoUpdate({ target: linkageTargets.code, set: rest }).run();
    });
    return this.get(target.code)!;
  }

  /** Where a target's system is reached and the secret both sides sign with; only the delivery and feedback code read it. */
  webhookOf(code: string): { url: string | null; secret: string | null } | null {
    return (
      this.db.select({ url: linkageTargets.webhookUrl, secret: linkageTargets.webhookSecret }).from(linkageTargets).where(eq(linkageTargets.code, code)).get() ??
      null
    );
  }

  remove(code: string): boolean {
    return this.db.delete(linkageTargets).where(eq(linkageTargets.code, code)).run().changes > 0;
  }
}
