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

  /**
   * The unit and every unit below it: a city's users read the tickets of its districts and
   * departments. A walk over parentId rather than a stored path, so a unit moved under another
   * parent is in its new subtree at once, with no second copy of the tree to keep in step; the
   * tree is a few hundred rows, read whole as path() does.
   */
  subtree(id: number, all = this.list()): number[] {
    const children = new Map<number, number[]>();
    for (const u of all) if (u.parentId != null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
    const found = [id];
    for (let i = 0; i < found.length; i += 1) for (const child of children.get(found[i]!) ?? []) if (!found.includes(child)) found.push(child);
    return found;
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
