import type { Db } from '../db/client.js';
import { pauseReasons } from '../db/schema/index.js';

export type PauseReason = Omit<typeof pauseReasons.$inferSelect, 'position'>;

/** Set by the service, never chosen by an agent: their phone rang out. */
export const SYSTEM_PAUSE_REASONS = ['no-answer'];

export class PauseReasonsRepository {
  constructor(private readonly db: Db) {}

  list(): PauseReason[] {
    return this.db
      .select({ code: pauseReasons.code, label: pauseReasons.label, labelEn: pauseReasons.labelEn })
      .from(pauseReasons)
      .orderBy(pauseReasons.position)
      .all();
  }

  has(code: string): boolean {
    return this.list().some((r) => r.code === code);
  }

  /** The list is replaced whole, in one transaction. */
  replace(reasons: PauseReason[]): PauseReason[] {
    this.db.transaction((tx) => {
      tx.delete(pauseReasons).run();
      reasons.forEach((r, i) => tx.insert(pauseReasons).values({ ...r, position: i + 1 }).run());
    });
    return this.list();
  }
}
