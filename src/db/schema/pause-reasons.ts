import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/** The reasons an agent may give for pausing (示忙), in the order the desktop lists them. */
export const pauseReasons = sqliteTable('pause_reasons', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  labelEn: text('label_en').notNull(),
  position: integer('position').notNull(),
});
