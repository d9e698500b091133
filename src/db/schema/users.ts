import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
import { agents } from './agents.js';
import { handlingUnits } from './handling-units.js';

/** `unit` users work for one handling unit (承办单位) and see only its tickets. */
export const roles = ['admin', 'supervisor', 'agent', 'unit'] as const;
export type Role = (typeof roles)[number];

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: roles }).notNull(),
  // An agent user acts as exactly one agent record; its state is theirs to change.
  agentId: integer('agent_id').references(() => agents.id),
  // A unit user acts for exactly one handling unit.
  unitId: integer('unit_id').references(() => handlingUnits.id),
  createdAt: integer('created_at').notNull(),
});

export const authTokens = sqliteTable('auth_tokens', {
  // Only the hash is stored, so a copy of the database grants no sessions.
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
});
