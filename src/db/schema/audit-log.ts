import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { users } from './users.js';

/**
 * Who changed what configuration, and when: menus today, prompts and calendars later. The
 * entity is a word ('menu'), its id the entity's own key (a menu's name), so one table serves all.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    userId: integer('user_id').references(() => users.id),
    at: integer('at').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('audit_log_entity').on(t.entity, t.entityId, t.at)],
);
