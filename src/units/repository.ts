import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { handlingUnits, type UnitKind } from '../db/schema/index.js';

export type HandlingUnit = typeof handlingUnits.$inferSelect;
export type UnitInput = { code: string; name: string; kind: UnitKind; parentId: number | null };

/** The tree of handling units (承办单位); units are deactivated, never deleted. */
export class HandlingUnitsRepository {
  constructor(private readonly db: Db) {}

  list(): HandlingUnit[] {
    return this.db.select().from(handlingUnits).orderBy(handlingUnits.id).all();
  }

  get(id: number): HandlingUnit | null {
    return this.db.select().from(handlingUnits).where(eq(handlingUnits.id, id)).get() ?? null;
  }

  getMany(ids: number[]): HandlingUnit[] {
    return ids.length ? this.db.select().from(handlingUnits).where(inArray(handlingUnits.id, ids)).all() : [];
  }

  findByCode(code: string): HandlingUnit | null {
    return this.db.select().from(handlingUnits).where(eq(handlingUnits.code, code)).get() ?? null;
  }

  create(input: UnitInput, now = Date.now()): HandlingUnit {
    return this.db.insert(handlingUnits).values({ ...input, active: true, createdAt: now, updatedAt: now }).returning().get();
  }

  update(id: number, changes: Partial<Pick<HandlingUnit, 'name' | 'kind' | 'parentId' | 'active'>>, now = Date.now()): HandlingUnit | null {
    return this.db.update(handlingUnits).set({ ...changes, updatedAt: now }).where(eq(handlingUnits.id, id)).returning().get() ?? null;
  }

  /** The unit's ancestors' names then its own, e.g. 宁夏回族自治区 / 银川市 / 市场监管局. */
  path(id: number, all = this.list()): string[] {
    const byId = new Map(all.map((u) => [u.id, u]));
    const names: string[] = [];
    for (let u = byId.get(id); u && names.length < all.length; u = u.parentId == null ? undefined : byId.get(u.parentId)) names.unshift(u.name);
    return names;
  }

  /** Whether making `parentId` the parent of `id` would put `id` under itself. */
  wouldLoop(id: number, parentId: number): boolean {
    const byId = new Map(this.list().map((u) => [u.id, u]));
    for (let at: number | null = parentId, steps = 0; at != null && steps <= byId.size; at = byId.get(at)?.parentId ?? null, steps += 1) {
      if (at === id) return true;
    }
    return false;
  }
}
