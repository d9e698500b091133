import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog, users } from '../db/schema/index.js';
import type { Tx } from '../menus/repository.js';

export interface AuditEntry {
  id: number;
  entity: string;
  entityId: string;
  action: string;
  userId: number | null;
  username: string | null;
  at: number;
  detail: Record<string, unknown>;
}

export type AuditRecord = Omit<AuditEntry, 'id' | 'username' | 'at'>;

/** The audit log: written in the same transaction as the change it records, so neither exists without the other. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  record(entry: AuditRecord, tx: Tx = this.db, at = Date.now()): void {
    tx.insert(auditLog).values({ ...entry, at }).run();
  }

  /** Newest first; the id breaks ties between changes made in the same millisecond. */
  list(filter: { entity?: string; entityId?: string; limit?: number }): AuditEntry[] {
    const where = and(
      filter.entity === undefined ? undefined : eq(auditLog.entity, filter.entity),
      filter.entityId === undefined ? undefined : eq(auditLog.entityId, filter.entityId),
    );
    return this.db
      .select({
        id: auditLog.id,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        action: auditLog.action,
        userId: auditLog.userId,
        username: users.username,
        at: auditLog.at,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filter.limit ?? 200)
      .all();
  }
}
