import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { menus, menuVersions, users } from '../db/schema/index.js';
import type { MenuDefinition } from '../ivr/model.js';

/** The database or a transaction on it: the editing service writes a menu and its audit entry together. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface MenuVersion {
  name: string;
  version: number;
  definition: MenuDefinition;
  createdAt: number;
  createdBy: number | null;
  createdByName: string | null;
  published: boolean;
  draft: boolean;
}

type Pointers = { publishedVersion: number; draftVersion: number | null };

/**
 * Menus are versioned: every published version stays, for calls still using it. One version
 * may be the draft, which no call has used, so saving the draft again overwrites it.
 */
export class MenusRepository {
  constructor(private readonly db: Db) {}

  list(): Array<{ name: string; publishedVersion: number }> {
    return this.db.select({ name: menus.name, publishedVersion: menus.publishedVersion }).from(menus).orderBy(menus.name).all();
  }

  pointers(name: string, tx: Tx = this.db): Pointers | null {
    return tx.select({ publishedVersion: menus.publishedVersion, draftVersion: menus.draftVersion }).from(menus).where(eq(menus.name, name)).get() ?? null;
  }

  published(name: string): MenuVersion | null {
    const menu = this.pointers(name);
    return menu ? this.version(name, menu.publishedVersion) : null;
  }

  draft(name: string, tx: Tx = this.db): MenuVersion | null {
    const menu = this.pointers(name, tx);
    return menu?.draftVersion ? this.version(name, menu.draftVersion, tx) : null;
  }

  version(name: string, version: number, tx: Tx = this.db): MenuVersion | null {
    const menu = this.pointers(name, tx);
    const row = this.rows(tx, and(eq(menuVersions.menuName, name), eq(menuVersions.version, version))).get();
    return menu && row ? toVersion(row, menu) : null;
  }

  versions(name: string): MenuVersion[] {
    const menu = this.pointers(name);
    if (!menu) return [];
    return this.rows(this.db, eq(menuVersions.menuName, name))
      .orderBy(desc(menuVersions.version))
      .all()
      .map((row) => toVersion(row, menu));
  }

  /** Stores a validated definition as the next version of its menu and publishes it, in one transaction. */
  publish(definition: MenuDefinition, createdBy: number | null, now = Date.now(), tx?: Tx): MenuVersion {
    const write = (q: Tx) => {
      const version = this.nextVersion(q, definition.name);
      q.insert(menus)
        .values({ name: definition.name, publishedVersion: version })
        .onConflictDoUpdate({ target: menus.name, set: { publishedVersion: version } })
        .run();
      q.insert(menuVersions).values({ menuName: definition.name, version, definition, createdAt: now, createdBy }).run();
      return this.version(definition.name, version, q)!;
    };
    return tx ? write(tx) : this.db.transaction(write);
  }

  /** Overwrites the menu's draft, or adds one as its next version; the menu must exist. */
  saveDraft(definition: MenuDefinition, createdBy: number | null, now: number, tx: Tx): MenuVersion | null {
    const menu = this.pointers(definition.name, tx);
    if (!menu) return null;
    if (menu.draftVersion) {
      tx.update(menuVersions)
        .set({ definition, createdAt: now, createdBy })
        .where(and(eq(menuVersions.menuName, definition.name), eq(menuVersions.version, menu.draftVersion)))
        .run();
      return this.version(definition.name, menu.draftVersion, tx);
    }
    const version = this.nextVersion(tx, definition.name);
    tx.insert(menuVersions).values({ menuName: definition.name, version, definition, createdAt: now, createdBy }).run();
    tx.update(menus).set({ draftVersion: version }).where(eq(menus.name, definition.name)).run();
    return this.version(definition.name, version, tx);
  }

  /** Moves the published pointer; a published draft stops being the draft, as calls may now use it. */
  setPublished(name: string, version: number, tx: Tx): MenuVersion | null {
    const menu = this.pointers(name, tx);
    if (!menu) return null;
    tx.update(menus)
      .set({ publishedVersion: version, draftVersion: menu.draftVersion === version ? null : menu.draftVersion })
      .where(eq(menus.name, name))
      .run();
    return this.version(name, version, tx);
  }

  private nextVersion(tx: Tx, name: string): number {
    const last = tx.select({ version: menuVersions.version }).from(menuVersions).where(eq(menuVersions.menuName, name)).orderBy(desc(menuVersions.version)).get();
    return (last?.version ?? 0) + 1;
  }

  private rows(tx: Tx, where: SQL | undefined) {
    return tx
      .select({ v: menuVersions, createdByName: users.username })
      .from(menuVersions)
      .leftJoin(users, eq(users.id, menuVersions.createdBy))
      .where(where)
      .$dynamic();
  }
}

function toVersion(row: { v: typeof menuVersions.$inferSelect; createdByName: string | null }, menu: Pointers): MenuVersion {
  return {
    name: row.v.menuName,
    version: row.v.version,
    definition: row.v.definition,
    createdAt: row.v.createdAt,
    createdBy: row.v.createdBy,
    createdByName: row.createdByName,
    published: row.v.version === menu.publishedVersion,
    draft: row.v.version === menu.draftVersion,
  };
}
