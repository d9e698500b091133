// Screen-pop benchmark: 100 agents have their desktop socket open; N citizens call at once,
// press 1 and are offered to them. For each call: from the moment the service offers the
// agent the call (their state becomes ringing) to the pop arriving at the agent's socket,
// in another process, as a page would get it; and how the pop compares with the phone's ring.
//   npm run bench:pops            100 agents, 100 then 300 calls
//   npm run bench:pops -- 500     one run with 500 calls
import { percentile, startService } from './service.js';

const AGENTS = 100;

async function bench(calls: number) {
  const { app, driver, next, agentIds } = await startService(AGENTS);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  const tokens: string[] = [];
  for (const agentId of agentIds) {
    await app.usersRepository.create({ username: `bench-agent-${agentId}`, password: 'bench-password', role: 'agent', agentId });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `bench-agent-${agentId}`, password: 'bench-password' } });
    tokens.push(res.json().token as string);
  }

  // The moment each agent is reserved for a call, on the machine clock the driver also uses.
  const offeredAt = new Map<string, number>();
  const tryApply = app.agentService.tryApply.bind(app.agentService);
  app.agentService.tryApply = (agentId, event) => {
    const agent = tryApply(agentId, event);
    if (agent && event.type === 'offer') offeredAt.set(event.callId, performance.timeOrigin + performance.now());
    return agent;
  };

  driver.send({ type: 'run', calls, talkMs: 200, desktops: { url: `ws://127.0.0.1:${address.port}/api/desktop/ws`, tokens } });
  const done = await next();
  await app.callFlow.settled();
  if (done.type !== 'done') throw new Error('driver failed');
  driver.send({ type: 'stop' });
  await app.close();

  const offerToPop: number[] = [];
  const ringToPop: number[] = [];
  const rings = new Map(done.rings.map((r) => [r.callId, r.at]));
  for (const pop of done.pops) {
    const offered = offeredAt.get(pop.callId);
    const rung = rings.get(pop.callId);
    if (offered !== undefined) offerToPop.push(pop.at - offered);
    if (rung !== undefined) ringToPop.push(pop.at - rung);
  }
  const ms = (n: number) => +n.toFixed(2);
  return {
    agents: AGENTS,
    calls,
    pops: done.pops.length,
    rings: done.rings.length,
    callsPopped: new Set(done.pops.map((p) => p.callId)).size,
    offerToPopP50ms: ms(percentile(offerToPop, 50)),
    offerToPopP99ms: ms(percentile(offerToPop, 99)),
    offerToPopMaxms: ms(Math.max(...offerToPop)),
    // Negative: the page shows the caller before the phone starts to ring.
    ringToPopP50ms: ms(percentile(ringToPop, 50)),
    ringToPopP99ms: ms(percentile(ringToPop, 99)),
  };
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const results = [];
for (const n of sizes.length ? sizes : [100, 300]) results.push(await bench(n));
console.table(results);
