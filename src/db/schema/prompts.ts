import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users.js';

export const promptSources = ['built-in', 'tts', 'upload'] as const;
export type PromptSource = (typeof promptSources)[number];

/**
 * A prompt in one language, as menus name it. Its current version's audio is the file
 * Asterisk plays, <PROMPTS_DIR>/<language>/<name>.wav.
 */
export const prompts = sqliteTable(
  'prompts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    language: text('language').notNull(),
    currentVersion: integer('current_version').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('prompts_name_language').on(t.name, t.language)],
);

/** Every version is kept with its own file, so an admin can go back to any of them. */
export const promptVersions = sqliteTable(
  'prompt_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    promptId: integer('prompt_id')
      .notNull()
      .references(() => prompts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    source: text('source', { enum: promptSources }).notNull(),
    /** What the voice says; null for an upload. */
    text: text('text'),
    /** Relative to PROMPTS_DIR; null for a built-in whose file the prompt script has not written yet. */
    file: text('file'),
    durationMs: integer('duration_ms'),
    sizeBytes: integer('size_bytes'),
    /** The version this one brought back, for a restore. */
    restoredFrom: integer('restored_from'),
    createdAt: integer('created_at').notNull(),
    /** Null for the built-in version seeded at start. */
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('prompt_versions_prompt_version').on(t.promptId, t.version)],
);
