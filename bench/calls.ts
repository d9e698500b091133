// Call benchmark: N concurrent citizens go IVR → queue → agent → hang-up through the fake
// Asterisk (in a child process), and the service reports what it cost.
//   npm run bench                 N = 100 and 1000
//   npm run bench -- 250          one run with N = 250
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile, startService } from './service.js';

async function bench(calls: number) {
  const { app, driver, next } = await startService(calls);

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
