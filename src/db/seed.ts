import type { Log } from '../log.js';
import type { Config } from '../config.js';
import { hashPassword } from '../auth/passwords.js';
import type { Db } from './client.js';
import type { AgentsRepository } from '../agents/repository.js';
import type { UsersRepository } from '../auth/repository.js';
import type { MenusRepository } from '../menus/repository.js';
import type { QueuesRepository, Queue } from '../queues/repository.js';
import { defaultMenu } from '../ivr/default-menu.js';
import { validateMenu } from '../ivr/validator.js';

export const seedQueues: Queue[] = [
  { name: 'general', title: '普通话综合服务', announceEverySeconds: 30, maxWaitSeconds: 300, ringTimeoutSeconds: 20, wrapUpSeconds: 30, mohClass: 'default', ticketCategory: null },
  { name: 'foreign-language', title: 'English service', announceEverySeconds: 30, maxWaitSeconds: 300, ringTimeoutSeconds: 20, wrapUpSeconds: 30, mohClass: 'default', ticketCategory: null },
  { name: 'enterprise', title: '企业诉求/营商环境专线', announceEverySeconds: 30, maxWaitSeconds: 300, ringTimeoutSeconds: 20, wrapUpSeconds: 30, mohClass: 'default', ticketCategory: 'enterprise' },
];

/** Agents 1001–1010 match the endpoints in asterisk-config/pjsip.conf. */
export function seedAgents(): Array<{ name: string; endpoint: string; skills: string[] }> {
  return Array.from({ length: 10 }, (_, i) => {
    const ext = 1001 + i;
    const skills = ext <= 1006 ? ['general'] : ext <= 1008 ? ['general', 'foreign-language'] : ['general', 'enterprise'];
    return { name: `坐席 ${ext}`, endpoint: `PJSIP/${ext}`, skills };
  });
}

export class SeedError extends Error {}

/** Fills an empty database with the shipped defaults; a database with users in it is left alone. */
export async function seedIfEmpty(
  db: Db,
  repos: { users: UsersRepository; agents: AgentsRepository; queues: QueuesRepository; menus: MenusRepository },
  config: Pick<Config, 'ADMIN_USER' | 'ADMIN_PASSWORD'>,
  log: Log,
): Promise<boolean> {
  if (repos.users.count() > 0) return false;
  if (!config.ADMIN_USER || !config.ADMIN_PASSWORD) {
    throw new SeedError('The database is empty: set ADMIN_USER and ADMIN_PASSWORD (8+ characters) to create the first admin');
  }
  const menu = validateMenu(defaultMenu, { queues: new Set(seedQueues.map((q) => q.name)) });
  if (!menu.ok) throw new SeedError(`The shipped default menu is invalid: ${menu.errors.map((e) => e.message).join('; ')}`);
  const passwordHash = await hashPassword(config.ADMIN_PASSWORD);
  // All or nothing: a start that dies half-way seeds again from scratch next time.
  db.transaction(() => {
    for (const queue of seedQueues) repos.queues.upsert(queue);
    for (const agent of seedAgents()) repos.agents.create(agent);
    repos.menus.publish(menu.menu, null);
    repos.users.insertHashed({ username: config.ADMIN_USER!, passwordHash, role: 'admin' });
  });
  log.info({ admin: config.ADMIN_USER, queues: seedQueues.length, agents: 10 }, 'empty database seeded with the default hotline');
  return true;
}
