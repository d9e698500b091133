import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agents } from '../db/schema/index.js';
import type { AgentStatus } from './state.js';

export type Agent = typeof agents.$inferSelect;
export type AgentInput = { name: string; endpoint: string; skills: string[] };

export class AgentsRepository {
  constructor(private readonly db: Db) {}

  list(): Agent[] {
    return this.db.select().from(agents).orderBy(agents.id).all();
  }

  /** Agents free to take a call, with what routing needs; the ACD asks on every arrival. */
  available(): Array<Pick<Agent, 'id' | 'state' | 'skills' | 'idleSince' | 'endpoint'>> {
    return this.db
      .select({ id: agents.id, state: agents.state, skills: agents.skills, idleSince: agents.idleSince, endpoint: agents.endpoint })
      .from(agents)
      .where(eq(agents.state, 'available'))
      .all();
  }

  get(id: number): Agent | null {
    return this.db.select().from(agents).where(eq(agents.id, id)).get() ?? null;
  }

  findByEndpoint(endpoint: string): Agent | null {
    return this.db.select().from(agents).where(eq(agents.endpoint, endpoint)).get() ?? null;
  }

  create(input: AgentInput, now = Date.now()): Agent {
    return this.db
      .insert(agents)
      .values({ ...input, state: 'offline', stateSince: now, idleSince: null, pauseReason: null, currentCallId: null })
      .returning()
      .get();
  }

  update(id: number, input: Partial<AgentInput>): Agent | null {
    return this.db.update(agents).set(input).where(eq(agents.id, id)).returning().get() ?? null;
  }

  saveStatus(id: number, status: AgentStatus): void {
    this.db.update(agents).set(status).where(eq(agents.id, id)).run();
  }
}
