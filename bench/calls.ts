// Call benchmark: N concurrent citizens go IVR → queue → agent → hang-up through the fake
// Asterisk (in a child process), and the service reports what it cost.
//   npm run bench                 N = 100 and 1000
//   npm run bench -- 250          one run with N = 250
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createLogger } from '../src/log.js';
import { AriTelephony } from '../src/telephony/ari-telephony.js';

type DriverMessage = { type: 'ready'; url: string } | { type: 'done'; latencies: number[]; elapsedMs: number };

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function bench(calls: number) {
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
  for (let i = 0; i < calls; i += 1) {
    const agent = app.agentsRepository.create({ name: `bench ${i}`, endpoint: `PJSIP/bench${i}`, skills: ['general'] });
    app.agentService.apply(agent.id, { type: 'login' });
  }

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 20);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpuBefore = process.cpuUsage();

  driver.send({ type: 'run', calls, talkMs: 200 });
  const done = await next();
  await app.callFlow.settled();

  const cpu = process.cpuUsage(cpuBefore);
  loop.disable();
  clearInterval(sampler);
  if (done.type !== 'done') throw new Error('driver failed');
  const completed = app.callLog.list({ limit: 1, offset: 0 }).total;
  const outcomes = app.db.$client.prepare("select count(*) n from calls where outcome = 'completed'").get() as { n: number };

  driver.send({ type: 'stop' });
  await app.close();
  return {
    calls,
    completed: outcomes.n,
    logged: completed,
    wallSeconds: +(done.elapsedMs / 1000).toFixed(2),
    keyToRequestP50ms: +percentile(done.latencies, 50).toFixed(2),
    keyToRequestP99ms: +percentile(done.latencies, 99).toFixed(2),
    measuredKeys: done.latencies.length,
    eventLoopDelayP99ms: +(loop.percentile(99) / 1e6).toFixed(2),
    cpuMsPerCall: +((cpu.user + cpu.system) / 1000 / calls).toFixed(2),
    peakHeapKiBPerCall: +((heapPeak - heapBefore) / 1024 / calls).toFixed(1),
  };
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const results = [];
for (const n of sizes.length ? sizes : [100, 1000]) results.push(await bench(n));
console.table(results);
