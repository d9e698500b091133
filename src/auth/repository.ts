import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { authTokens, users, type Role } from '../db/schema/index.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface AuthUser {
  id: number;
  username: string;
  role: Role;
  agentId: number | null;
  /** The handling unit a `unit` user works for. */
  unitId: number | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class UsersRepository {
  constructor(private readonly db: Db) {}

  count(): number {
    return this.db.select({ n: count() }).from(users).get()!.n;
  }

  async create(input: { username: string; password: string; role: Role; agentId?: number | null; unitId?: number | null }): Promise<AuthUser> {
    return this.insertHashed({ ...input, passwordHash: await hashPassword(input.password) });
  }

  /** Synchronous, so it can join a transaction; the hash is made beforehand. */
  insertHashed(input: { username: string; passwordHash: string; role: Role; agentId?: number | null; unitId?: number | null }): AuthUser {
    const row = this.db
      .insert(users)
      .values({ username: input.username, passwordHash: input.passwordHash, role: input.role, agentId: input.agentId ?? null, unitId: input.unitId ?? null, createdAt: Date.now() })
      .returning()
      .get();
    return toAuthUser(row);
  }

  findByUsername(username: string): AuthUser | null {
    const row = this.db.select().from(users).where(eq(users.username, username)).get();
    return row ? toAuthUser(row) : null;
  }

  list(): AuthUser[] {
    return this.db.select().from(users).orderBy(users.id).all().map(toAuthUser);
  }

  /** The user when the password matches, else null; the same answer for an unknown name. */
  async checkPassword(username: string, password: string): Promise<AuthUser | null> {
    const row = this.db.select().from(users).where(eq(users.username, username)).get();
    if (!row) {
      await hashPassword(password); // equal time for unknown users
      return null;
    }
    return (await verifyPassword(password, row.passwordHash)) ? toAuthUser(row) : null;
  }

  issueToken(userId: number, ttlMs: number): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    this.db.delete(authTokens).where(lt(authTokens.expiresAt, now)).run();
    this.db.insert(authTokens).values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt: now + ttlMs }).run();
    return { token, expiresAt: now + ttlMs };
  }

  userForToken(token: string): AuthUser | null {
    const row = this.db
      .select({ user: users })
      .from(authTokens)
      .innerJoin(users, eq(users.id, authTokens.userId))
      .where(and(eq(authTokens.tokenHash, hashToken(token)), gt(authTokens.expiresAt, Date.now())))
      .get();
    return row ? toAuthUser(row.user) : null;
  }

  revokeToken(token: string): void {
    this.db.delete(authTokens).where(eq(authTokens.tokenHash, hashToken(token))).run();
  }
}

function toAuthUser(row: typeof users.$inferSelect): AuthUser {
  return { id: row.id, username: row.username, role: row.role, agentId: row.agentId, unitId: row.unitId };
}
