import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { MenuDefinition } from '../../ivr/model.js';
import { users } from './users.js';

export const menus = sqliteTable('menus', {
  name: text('name').primaryKey(),
  publishedVersion: integer('published_version').notNull(),
  /** The version being edited; never one that calls have used, so saving a draft may overwrite it. */
  draftVersion: integer('draft_version'),
});

/** Every version ever saved is kept, so a call keeps the version it started on. */
export const menuVersions = sqliteTable(
  'menu_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    menuName: text('menu_name')
      .notNull()
      .references(() => menus.name),
    version: integer('version').notNull(),
    definition: text('definition', { mode: 'json' }).$type<MenuDefinition>().notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('menu_versions_name_version').on(t.menuName, t.version)],
);
