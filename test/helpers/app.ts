import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { createLogger } from '../../src/log.js';
import { AriTelephony } from '../../src/telephony/ari-telephony.js';
import { FakeAsterisk } from '../fake-asterisk/index.js';

export const ADMIN = { username: 'admin', password: 'admin-password' };

export interface TestContext {
  app: FastifyInstance;
  asterisk: FakeAsterisk;
  /** Logs in and returns the token. */
  login(username?: string, password?: string): Promise<string>;
  /** app.inject with the admin's token, or another user's. */
  api(options: InjectOptions, token?: string): Promise<LightMyRequestResponse>;
  /** Creates a user with the role (an agent user acts as agent `agentId`, a unit user works for unit `id`) and returns their token. */
  userToken(role: 'admin' | 'supervisor' | 'agent' | 'unit', id?: number): Promise<string>;
}

export interface BuildOptions {
  env?: Record<string, string>;
  /** Another service on the same fake Asterisk (a restart); the caller stops it. */
  asterisk?: FakeAsterisk;
  /** A database file, so a second service can take over where the first left off. */
  databasePath?: string;
  /** The service's clock (default Date.now): a test can make it a holiday. */
  clock?: () => number;
}

/** Numbered per test process, so a restarted service on the same database gets new names. */
let users = 0;

/** A fresh service on an in-memory database, connected to a fresh fake Asterisk; both closed when the test ends. */
export async function build(t: Test, options: BuildOptions = {}): Promise<TestContext> {
  const env = options.env ?? {};
  // The service writes prompts into PROMPTS_DIR: never into the checkout's sounds/.
  const promptsDir = env.PROMPTS_DIR ? null : mkdtempSync(join(tmpdir(), 'hotline-test-prompts-'));
  const asterisk = options.asterisk ?? new FakeAsterisk({ user: 'ari', password: 'ari-secret' });
  const { url } = await asterisk.start();
  const config = loadConfig({
    ARI_URL: url,
    ARI_USER: 'ari',
    ARI_PASSWORD: 'ari-secret',
    ADMIN_USER: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    DATABASE_PATH: ':memory:',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(promptsDir ? { PROMPTS_DIR: promptsDir } : {}),
    ...env,
  });
  const log = createLogger(config.LOG_LEVEL);
  const telephony = new AriTelephony({ url, user: config.ARI_USER, password: config.ARI_PASSWORD, app: config.ARI_APP, logger: log });
  const app = await buildApp({ config, telephony, db: openDatabase(options.databasePath ?? ':memory:'), logger: log, clock: options.clock });
  await app.ready();
  t.teardown(async () => {
    await app.close();
    if (!options.asterisk) await asterisk.stop();
    if (promptsDir) rmSync(promptsDir, { recursive: true, force: true });
  });
  await waitUntil(() => telephony.connected, 5000, 'the service to connect to the fake Asterisk');
  await asterisk.waitForApp();
  await app.callFlow.settled();

  let adminToken: string | null = null;
  const ctx: TestContext = {
    app,
    asterisk,
    async login(username = ADMIN.username, password = ADMIN.password) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      return res.json().token as string;
    },
    async api(options, token) {
      adminToken ??= await ctx.login();
      return app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${token ?? adminToken}` } });
    },
    async userToken(role, id) {
      users += 1;
      const username = `${role}${users}`;
      const link = role === 'unit' ? { unitId: id } : { agentId: id };
      const res = await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username, password: 'password-123', role, ...link } });
      if (res.statusCode !== 201) throw new Error(`could not create user: ${res.body}`);
      return ctx.login(username, 'password-123');
    },
  };
  return ctx;
}

export async function waitUntil(condition: () => boolean, timeoutMs = 5000, what = 'a condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
