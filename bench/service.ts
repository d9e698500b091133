// The service under benchmark, with its far side (fake Asterisk, citizens, phones, desktops)
// in a child process so that side's work is not counted as the service's.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createLogger } from '../src/log.js';
import { AriTelephony } from '../src/telephony/ari-telephony.js';
import type { DriverMessage } from './driver.js';

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

export interface BenchService {
  app: FastifyInstance;
  driver: ChildProcess;
  next(): Promise<DriverMessage>;
  agentIds: number[];
}

/** A service on a fresh file database with `agents` agents logged in to the general queue, no wrap-up. */
export async function startService(agents: number): Promise<BenchService> {
  const driver = fork(fileURLToPath(new URL('./driver.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
  const next = () => new Promise<DriverMessage>((resolve) => driver.once('message', resolve));
  const ready = await next();
  if (ready.type !== 'ready') throw new Error('driver did not start');

  const databasePath = join(mkdtempSync(join(tmpdir(), 'hotline-bench-')), 'bench.db');
  const config = loadConfig({ ARI_URL: ready.url, ARI_USER: 'bench', ARI_PASSWORD: 'bench', ADMIN_USER: 'admin', ADMIN_PASSWORD: 'bench-password', DATABASE_PATH: databasePath, LOG_LEVEL: 'warn' });
  const log = createLogger(config.LOG_LEVEL);
  const telephony = new AriTelephony({ url: ready.url, user: 'bench', password: 'bench', app: config.ARI_APP, logger: log });
  const app = await buildApp({ config, telephony, db: openDatabase(databasePath), logger: log });
  await app.ready();
  while (!telephony.connected) await new Promise((r) => setTimeout(r, 20));
  const general = app.queuesRepository.get('general')!;
  app.queuesRepository.upsert({ ...general, wrapUpSeconds: 0 });
  // The bench measures the ACD and the pops, not agents writing tickets: no call owes one here,
  // so an agent is free for the next call the moment the last one ends.
  app.agentService.requireDisposition(() => null);
  const agentIds: number[] = [];
  for (let i = 0; i < agents; i += 1) {
    const agent = app.agentsRepository.create({ name: `bench ${i}`, endpoint: `PJSIP/bench${i}`, skills: ['general'] });
    app.agentService.apply(agent.id, { type: 'login' });
    agentIds.push(agent.id);
  }
  return { app, driver, next, agentIds };
}
