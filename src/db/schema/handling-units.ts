import { sqliteTable, integer, text, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** 区/市/县 levels of government and the departments under them. */
export const unitKinds = ['region', 'city', 'county', 'department'] as const;
export type UnitKind = (typeof unitKinds)[number];

/**
 * Handling units (承办单位) tickets are dispatched to, as a tree. A unit is deactivated rather
 * than deleted: its tickets and users keep pointing at it.
 */
export const handlingUnits = sqliteTable(
  'handling_units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: unitKinds }).notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => handlingUnits.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('handling_units_parent').on(t.parentId)],
);
