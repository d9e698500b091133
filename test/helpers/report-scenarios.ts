import type { Test } from 'tap';
import { eq } from 'drizzle-orm';
import { calls, tickets, type CallOutcome } from '../../src/db/schema/index.js';
import type { CallbackResult } from '../../src/tickets/lifecycle.js';
import type { TestContext } from './app.js';
import { cst, goodReply, ticketWorld, type TicketWorld } from './tickets.js';

// The hand-computed cases behind the report tests (test/http/reports-*.test.ts) and the report
// page's test: each figure those tests expect is worked out there from these tables.

// Ten calls offered over Tuesday 24 and Wednesday 25 November 2026 (China time) to the queues
// general and enterprise, answered by agents 1 (坐席 1001) and 2 (坐席 1002); two more calls the
// report must leave out. Waits and talks in seconds; the service level is 20 s.
//
//       day  queue       agent  wait  talk  outcome      survey keyed after the agent hung up
//  c1   24   general     1        5   120   completed    satisfied   (00:30 China time: still the 23rd in UTC)
//  c2   24   general     2       20    60   completed    basically   (exactly 20 s: within the service level)
//  c3   24   enterprise  1       30   300   completed    dissatisfied
//  c4   24   general     -       40     -   abandoned-in-queue
//  c5   24   enterprise  -      300     -   overflowed
//  c6   25   enterprise  2       10   200   completed    satisfied
//  c7   25   general     1       21   100   completed    (no key pressed)
//  c8   25   general     -        3     -   abandoned-in-queue
//  c9   25   enterprise  2       15     -   (still talking at 23:59:59: no talk time yet)
//  c10  25   general     1       25    80   completed    satisfied
//  out  25   IVR only (never queued, ended-in-ivr); 26 00:00:00 China time (after the range)
interface Spec {
  id: string;
  at: string;
  queue: string | null;
  agentId?: number;
  waitS: number | null;
  talkS?: number;
  outcome: CallOutcome | null;
  survey?: CallbackResult;
}
const specs: Spec[] = [
  { id: 'c1', at: '2026-11-24T00:30:00', queue: 'general', agentId: 1, waitS: 5, talkS: 120, outcome: 'completed', survey: 'satisfied' },
  { id: 'c2', at: '2026-11-24T09:00:00', queue: 'general', agentId: 2, waitS: 20, talkS: 60, outcome: 'completed', survey: 'basically-satisfied' },
  { id: 'c3', at: '2026-11-24T10:00:00', queue: 'enterprise', agentId: 1, waitS: 30, talkS: 300, outcome: 'completed', survey: 'dissatisfied' },
  { id: 'c4', at: '2026-11-24T11:00:00', queue: 'general', waitS: 40, outcome: 'abandoned-in-queue' },
  { id: 'c5', at: '2026-11-24T12:00:00', queue: 'enterprise', waitS: 300, outcome: 'overflowed' },
  { id: 'c6', at: '2026-11-25T09:00:00', queue: 'enterprise', agentId: 2, waitS: 10, talkS: 200, outcome: 'completed', survey: 'satisfied' },
  { id: 'c7', at: '2026-11-25T10:00:00', queue: 'general', agentId: 1, waitS: 21, talkS: 100, outcome: 'completed' },
  { id: 'c8', at: '2026-11-25T11:00:00', queue: 'general', waitS: 3, outcome: 'abandoned-in-queue' },
  { id: 'c9', at: '2026-11-25T23:59:59', queue: 'enterprise', agentId: 2, waitS: 15, outcome: null },
  { id: 'c10', at: '2026-11-25T16:00:00', queue: 'general', agentId: 1, waitS: 25, talkS: 80, outcome: 'completed', survey: 'satisfied' },
  { id: 'ivr-only', at: '2026-11-25T12:00:00', queue: null, waitS: null, outcome: 'ended-in-ivr' },
  { id: 'next-day', at: '2026-11-26T00:00:00', queue: 'general', agentId: 1, waitS: 5, talkS: 60, outcome: 'completed', survey: 'satisfied' },
];

/** The calls above, written as the call log leaves them. */
export function seedReportCalls(ctx: TestContext): void {
  for (const s of specs) {
    const startedAt = cst(s.at);
    const enqueuedAt = s.queue ? startedAt + 15_000 : null;
    const agentAnsweredAt = s.agentId && enqueuedAt !== null ? enqueuedAt + s.waitS! * 1000 : null;
    ctx.app.db
      .insert(calls)
      .values({
        id: s.id,
        channelId: `ch-${s.id}`,
        caller: '13912345678',
        dialed: '12345',
        phase: s.outcome ? 'ended' : 'talking',
        startedAt,
        answeredAt: startedAt,
        ivrPath: [],
        queue: s.queue,
        enqueuedAt,
        waitMs: s.waitS === null ? null : s.waitS * 1000,
        agentId: s.agentId ?? null,
        agentAnsweredAt,
        talkMs: s.talkS === undefined ? null : s.talkS * 1000,
        endedAt: s.outcome ? startedAt + 600_000 : null,
        outcome: s.outcome,
        surveyResult: s.survey ?? null,
      })
      .run();
  }
}

// Tickets taken in on Tuesday 24 and Wednesday 25 November 2026, driven through the loop on the
// service's clock; the report runs on 31 December, when every deadline below has passed.
// A normal complaint's part is due to be signed for within 120 working minutes and replied
// within 2250 (about 4.7 working days): signing at 09:10 and replying the next day is on time,
// signing on 1 December and replying on 20 December is late.
//
//   T1  24th  direct answer                                      → closed
//   T2  24th  市场监管局: signed 09:10, replied 25th (on time); accepted; callback satisfied → closed
//   T3  24th  住建局: signed 1 Dec, replied 20 Dec (both late); accepted; callback dissatisfied → reopened
//   T4  24th  市场监管局 signed 09:10 (on time) and never replied; 住建局 never signed  → handling
//   T5  24th  住建局 returned it unsigned (wrong unit); then answered directly → closed
//   T6  25th  from the web, a consultation about housing, still in intake
//   T7  25th  a duplicate merged into T6: lives on in T6, not counted
//   T8  26th  after the range
export type ReportTicketWorld = TicketWorld & { get: (query: string, token?: string) => ReturnType<TicketWorld['ctx']['api']> };

/** The tickets above, on a service whose clock ends at 31 December 2026 09:00; `get` asks for /api/reports/tickets. */
export async function ticketReportScenario(t: Test): Promise<ReportTicketWorld> {
  const w = await ticketWorld(t);
  const { tokens, units } = w;
  const ok = async (res: Awaited<ReturnType<TicketWorld['act']>>) => {
    if (res.statusCode !== 200) throw new Error(res.body);
  };
  w.setNow('2026-11-24T09:00:00');
  const [t1, t2, t3, t4, t5] = [await w.intake('T1'), await w.intake('T2'), await w.intake('T3'), await w.intake('T4'), await w.intake('T5')];
  await ok(await w.act(t1, 'direct-answer', tokens.agent, { answer: '预付卡纠纷可向市场监管部门投诉，已告知办理途径。' }));
  await ok(await w.act(t2, 'dispatch', tokens.agent, { units: [units.market] }));
  await ok(await w.act(t3, 'dispatch', tokens.agent, { units: [units.housing] }));
  await ok(await w.act(t4, 'dispatch', tokens.agent, { units: [units.market, units.housing] }));
  await ok(await w.act(t5, 'dispatch', tokens.agent, { units: [units.housing] }));
  w.setNow('2026-11-24T09:10:00');
  await ok(await w.act(t2, 'sign-for', tokens.market));
  await ok(await w.act(t4, 'sign-for', tokens.market));
  w.setNow('2026-11-24T09:30:00');
  await ok(await w.act(t5, 'return', tokens.housing, { reason: '不属本单位职责' }));
  await ok(await w.act(t5, 'direct-answer', tokens.agent, { answer: '已告知来电人向市场监管部门反映。' }));
  w.setNow('2026-11-25T09:00:00');
  const t6 = await w.intake('T6');
  w.ctx.app.db.update(tickets).set({ channel: 'web', type: 'consult', category: 'housing' }).where(eq(tickets.number, t6)).run();
  const t7 = await w.intake('T7');
  await ok(await w.act(t7, 'merge', tokens.agent, { into: t6 }));
  w.setNow('2026-11-25T10:00:00');
  await ok(await w.act(t2, 'reply', tokens.market, { text: goodReply }));
  await ok(await w.act(t2, 'accept', tokens.supervisor));
  await ok(await w.act(t2, 'callback', tokens.agent, { result: 'satisfied' }));
  w.setNow('2026-11-26T09:00:00');
  await w.intake('T8');
  w.setNow('2026-12-01T09:00:00');
  await ok(await w.act(t3, 'sign-for', tokens.housing));
  w.setNow('2026-12-20T09:00:00');
  await ok(await w.act(t3, 'reply', tokens.housing, { text: goodReply }));
  await ok(await w.act(t3, 'accept', tokens.supervisor));
  await ok(await w.act(t3, 'callback', tokens.agent, { result: 'dissatisfied' }));
  w.setNow('2026-12-31T09:00:00');
  return Object.assign(w, { get: (query: string, token = tokens.supervisor) => w.ctx.api({ method: 'GET', url: `/api/reports/tickets?${query}` }, token) });
}

