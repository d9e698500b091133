import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

export const agentStates = ['offline', 'available', 'ringing', 'on-call', 'wrap-up', 'paused'] as const;
export type AgentStateName = (typeof agentStates)[number];

export const agents = sqliteTable(
  'agents',
  {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** The Asterisk endpoint rung for this agent, e.g. PJSIP/1001. */
  endpoint: text('endpoint').notNull().unique(),
  /** Queue names this agent can take calls from. */
  skills: text('skills', { mode: 'json' }).$type<string[]>().notNull(),
  state: text('state', { enum: agentStates }).notNull(),
  pauseReason: text('pause_reason'),
  stateSince: integer('state_since').notNull(),
  /** When the agent last became free; the longest-idle agent is rung first. */
  idleSince: integer('idle_since'),
  currentCallId: text('current_call_id'),
  },
  (t) => [index('agents_state').on(t.state)],
);
