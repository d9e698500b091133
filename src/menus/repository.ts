import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { menus, menuVersions } from '../db/schema/index.js';
import type { MenuDefinition } from '../ivr/model.js';

export interface MenuVersion {
  name: string;
  version: number;
  definition: MenuDefinition;
  createdAt: number;
  createdBy: number | null;
  published: boolean;
}

/** Menus are versioned: saving adds a version and publishes it; old versions stay for calls still using them. */
export class MenusRepository {
  constructor(private readonly db: Db) {}

  list(): Array<{ name: string; publishedVersion: number }> {
    return this.db.select().from(menus).orderBy(menus.name).all();
  }

  published(name: string): MenuVersion | null {
    const menu = this.db.select().from(menus).where(eq(menus.name, name)).get();
    return menu ? this.version(name, menu.publishedVersion) : null;
  }

  version(name: string, version: number): MenuVersion | null {
    const row = this.db
      .select({ v: menuVersions, publishedVersion: menus.publishedVersion })
      .from(menuVersions)
      .innerJoin(menus, eq(menus.name, menuVersions.menuName))
      .where(and(eq(menuVersions.menuName, name), eq(menuVersions.version, version)))
      .get();
    return row ? toVersion(row.v, row.publishedVersion) : null;
  }

  versions(name: string): MenuVersion[] {
    const menu = this.db.select().from(menus).where(eq(menus.name, name)).get();
    if (!menu) return [];
    return this.db
      .select()
      .from(menuVersions)
      .where(eq(menuVersions.menuName, name))
      .orderBy(desc(menuVersions.version))
      .all()
      .map((v) => toVersion(v, menu.publishedVersion));
  }

  /** Stores a validated definition as the next version of its menu and publishes it, in one transaction. */
  publish(definition: MenuDefinition, createdBy: number | null, now = Date.now()): MenuVersion {
    return this.db.transaction((tx) => {
      const last = tx
        .select({ version: menuVersions.version })
        .from(menuVersions)
        .where(eq(menuVersions.menuName, definition.name))
        .orderBy(desc(menuVersions.version))
        .get();
      const version = (last?.version ?? 0) + 1;
      tx.insert(menus)
        .values({ name: definition.name, publishedVersion: version })
        .onConflictDoUpdate({ target: menus.name, set: { publishedVersion: version } })
        .run();
      const row = tx.insert(menuVersions).values({ menuName: definition.name, version, definition, createdAt: now, createdBy }).returning().get();
      return toVersion(row, version);
    });
  }
}

function toVersion(row: typeof menuVersions.$inferSelect, publishedVersion: number): MenuVersion {
  return {
    name: row.menuName,
    version: row.version,
    definition: row.definition,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    published: row.version === publishedVersion,
  };
}
