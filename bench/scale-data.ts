// The data behind bench/scale.ts: two years of a big city's hotline, written straight into a
// database the project's migrations made. Secondary indexes are dropped while loading and made
// again afterwards from the very statements the migrations created, so the schema ends exactly
// as the migrations leave it.
import Database from 'better-sqlite3';
import { defaultCalendar } from '../src/calendar/model.js';
import { dueDates, defaultPolicies } from '../src/tickets/deadlines.js';
import { categoryCodes } from '../src/tickets/catalogue.js';
import { ticketNumberPrefix } from '../src/tickets/repository.js';
import { ticketTypes, ticketUrgencies } from '../src/db/schema/index.js';
import { seededRandom } from './seeded-random.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const SPAN_DAYS = 730;
export const AGENTS = 300;
export const UNITS = 200;
/** Heavy and occasional callers: a number's index is drawn as POOL·r³, so low indexes call often. */
const CALLER_POOL = 4_000_000;
const BIG_TABLES = ['calls', 'call_events', 'tickets', 'ticket_assignments', 'ticket_events'];

const { random, pick } = seededRandom(12345);
export const callerNumber = (index: number) => `1${String(3_000_000_000 + index * 7919).slice(0, 10)}`;
const drawCaller = () => callerNumber(Math.floor(CALLER_POOL * random() ** 3));

const titles = ['小区噪音扰民', '道路破损积水', '公积金提取咨询', '社保卡补办', '物业不作为', '拖欠工资', '违章建筑举报', '停水未通知', '公交线路调整建议', '预付卡退费', '燃气费用争议', '学区划分咨询', '占道经营', '垃圾清运不及时', '路灯不亮'];
const districts = ['兴庆区', '金凤区', '西夏区', '永宁县', '贺兰县', '灵武市'];
const names = ['张先生', '王女士', '李先生', '刘女士', '陈先生', '杨女士', null];
const queueNames = ['general', 'general', 'general', 'general', 'general', 'general', 'enterprise', 'foreign-language'];

export interface Sizes {
  tickets: number;
  callEvents: number;
}

/** Epoch ms of an instant on `day` (days back from `now`), mostly in the hotline's busy hours. */
function momentOn(dayStart: number) {
  const hours = random() < 0.9 ? 8 + random() * 14 : random() * 24;
  return Math.floor(dayStart + hours * HOUR_MS);
}

export function load(path: string, sizes: Sizes, now: number, progress: (what: string) => void): void {
  const sqlite = new Database(path);
  // The migrations left the file in WAL, and SQLite ignores a switch from WAL straight to OFF.
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -2000000');
  sqlite.pragma('temp_store = MEMORY');
  const indexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${BIG_TABLES.map(() => '?').join(',')})`)
    .all(...BIG_TABLES) as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) sqlite.exec(`drop index "${name}"`);

  const insertAgent = sqlite.prepare(`insert into agents (name, endpoint, skills, state, state_since) values (?, ?, '["general"]', 'offline', ?)`);
  const insertUnit = sqlite.prepare(`insert into handling_units (code, name, kind, active, created_at, updated_at) values (?, ?, 'department', 1, ?, ?)`);
  const start = now - SPAN_DAYS * DAY_MS;
  sqlite.transaction(() => {
    for (let i = 0; i < AGENTS; i += 1) insertAgent.run(`坐席 B${i}`, `PJSIP/bench-scale-${i}`, start);
    for (let i = 0; i < UNITS; i += 1) insertUnit.run(`U${String(i).padStart(4, '0')}`, `${pick(districts)}承办单位 ${i}`, start, start);
  })();
  const agentIds = (sqlite.prepare('select id from agents').all() as Array<{ id: number }>).map((r) => r.id);
  const unitIds = (sqlite.prepare('select id from handling_units').all() as Array<{ id: number }>).map((r) => r.id);

  const insertCall = sqlite.prepare(
    `insert into calls (id, channel_id, caller, dialed, menu_name, menu_version, phase, started_at, answered_at, ivr_path, queue, enqueued_at, wait_ms, agent_id, agent_answered_at, talk_ms, ended_at, outcome, hangup_cause, hangup_cause_text)
     values (?, ?, ?, '12345', 'main', 1, 'ended', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 16, 'Normal Clearing')`,
  );
  const insertCallEvent = sqlite.prepare('insert into call_events (call_id, at, type, data) values (?, ?, ?, ?)');
  const insertTicket = sqlite.prepare(
    `insert into tickets (id, number, caller, status, urgency, type, category, channel, title, content, citizen_name, address, call_id, agent_id, merged_into_id, direct_answered,
       callbacks, callbacks_satisfied, parts_signed_for, parts_signed_for_on_time, parts_replied, parts_replied_on_time, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPart = sqlite.prepare(
    `insert into ticket_assignments (ticket_id, unit_id, status, dispatched_at, sign_for_due_at, signed_for_at, due_at, replied_at, reply) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The ticket's row sums its parts as the lifecycle does (src/tickets/report-counts.ts); a bench ticket has at most one.
  let partSums = [0, 0, 0, 0];
  const insertAssignment = {
    run(ticketId: number, unitId: number, status: string, dispatchedAt: number, signForDueAt: number, signedForAt: number | null, dueAt: number, repliedAt: number | null, reply: string | null) {
      insertPart.run(ticketId, unitId, status, dispatchedAt, signForDueAt, signedForAt, dueAt, repliedAt, reply);
      const done = (at: number | null, due: number) => [at === null ? 0 : 1, at !== null && at <= due ? 1 : 0];
      partSums = [...done(signedForAt, signForDueAt), ...done(repliedAt, dueAt)];
    },
  };
  const insertTicketEvent = sqlite.prepare(
    `insert into ticket_events (ticket_id, action, from_status, to_status, unit_id, note, detail, at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  // Completed calls make 6 events, abandoned 4, IVR-only 3: about 5.5 a call.
  const callsPerDay = sizes.callEvents / 5.5 / SPAN_DAYS;
  const ticketsPerDay = sizes.tickets / SPAN_DAYS;
  let events = 0;
  let ticketId = 0;
  let callSeq = 0;
  const calendar = defaultCalendar;

  type PendingTicket = { createdAt: number; caller: string; callId: string | null; agentId: number | null };
  for (let day = 0; day < SPAN_DAYS; day += 1) {
    const dayStart = start + day * DAY_MS;
    const callTarget = Math.round(callsPerDay * (day + 1)) - Math.round(callsPerDay * day);
    const ticketTarget = Math.min(sizes.tickets - ticketId, Math.round(ticketsPerDay * (day + 1)) - Math.round(ticketsPerDay * day));
    const pending: PendingTicket[] = [];
    sqlite.transaction(() => {
      const starts = Array.from({ length: callTarget }, () => momentOn(dayStart)).sort((a, b) => a - b);
      for (const startedAt of starts) {
        if (events >= sizes.callEvents || startedAt >= now) break;
        callSeq += 1;
        const id = `${Math.floor(startedAt / 1000)}.${callSeq}`;
        const caller = drawCaller();
        const queue = pick(queueNames);
        const r = random();
        const kind = r < 0.8 ? 'completed' : r < 0.9 ? 'abandoned-in-queue' : 'ended-in-ivr';
        const key = kind === 'completed' || kind === 'abandoned-in-queue' ? '1' : null;
        const ivrPath = JSON.stringify([{ nodeId: 'main', kind: 'menu', label: '人工服务', key, at: startedAt + 8000 }]);
        const enqueuedAt = kind === 'ended-in-ivr' ? null : startedAt + 9000;
        const waitMs = enqueuedAt === null ? null : Math.floor(random() * (kind === 'completed' ? 60_000 : 120_000));
        const agentId = kind === 'completed' ? pick(agentIds) : null;
        const agentAnsweredAt = kind === 'completed' ? enqueuedAt! + waitMs! : null;
        const talkMs = kind === 'completed' ? 60_000 + Math.floor(random() * 400_000) : null;
        const endedAt = kind === 'completed' ? agentAnsweredAt! + talkMs! : enqueuedAt === null ? startedAt + 20_000 : enqueuedAt + waitMs!;
        insertCall.run(id, id, caller, startedAt, startedAt + 500, ivrPath, enqueuedAt === null ? null : queue, enqueuedAt, waitMs, agentId, agentAnsweredAt, talkMs, endedAt, kind);
        const ev = (at: number, type: string, data: string) => {
          insertCallEvent.run(id, at, type, data);
          events += 1;
        };
        ev(startedAt, 'started', `{"caller":"${caller}"}`);
        ev(startedAt + 8000, 'ivr-key', '{"node":"main","key":"1"}');
        if (enqueuedAt !== null) ev(enqueuedAt, 'enqueued', `{"queue":"${queue}"}`);
        if (kind === 'completed') {
          ev(agentAnsweredAt! - 3000, 'offered', `{"agentId":${agentId}}`);
          ev(agentAnsweredAt!, 'answered', `{"agentId":${agentId}}`);
        }
        ev(endedAt, 'ended', `{"outcome":"${kind}"}`);
        if (kind === 'completed' && random() < 0.85) pending.push({ createdAt: endedAt, caller, callId: id, agentId });
      }
      // Tickets from the web, the app and WeChat make up the day's rest.
      while (pending.length < ticketTarget) pending.push({ createdAt: momentOn(dayStart), caller: drawCaller(), callId: null, agentId: null });
      pending.sort((a, b) => a.createdAt - b.createdAt);
      const prefix = ticketNumberPrefix(dayStart + 12 * HOUR_MS);
      let seq = 0;
      for (const p of pending.slice(0, ticketTarget)) {
        ticketId += 1;
        seq += 1;
        writeTicket(ticketId, `${prefix}${String(seq).padStart(4, '0')}`, p);
      }
    })();
    if (day % 73 === 72) progress(`day ${day + 1}/${SPAN_DAYS}: ${ticketId} tickets, ${callSeq} calls, ${events} call events`);
  }

  function writeTicket(id: number, number: string, p: PendingTicket) {
    const createdAt = Math.min(p.createdAt, now - 60_000);
    const age = now - createdAt;
    const urgency = random() < 0.85 ? 'normal' : random() < 0.8 ? 'urgent' : 'critical';
    const type = pick(ticketTypes);
    const channel = p.callId ? 'phone' : pick(['web', 'app', 'wechat', 'wechat'] as const);
    const title = pick(titles);
    const content = `${pick(districts)}市民反映${title}，希望相关部门尽快处理。`;
    const event = (action: string, from: string, to: string, at: number, unitId: number | null = null, detail = '{}') => insertTicketEvent.run(id, action, from, to, unitId, null, detail, at);
    let callbacks = 0;
    let satisfied = 0;
    partSums = [0, 0, 0, 0];
    const callback = (at: number) => {
      const result = random() < 0.9 ? (random() < 0.7 ? 'satisfied' : 'basically-satisfied') : 'dissatisfied';
      callbacks += 1;
      if (result !== 'dissatisfied') satisfied += 1;
      event('callback', 'completed', result === 'dissatisfied' ? 'reopened' : 'closed', at, null, `{"result":"${result}"}`);
      return result === 'dissatisfied' ? 'reopened' : 'closed';
    };
    let status: string;
    let directAnswered = 0;
    if (random() < 0.01 && id > 1) {
      status = 'merged';
      event('merge', 'intake', 'merged', createdAt + 60_000, null, `{"into":${id - 1}}`);
    } else if (age < 10 * 60_000 && random() < 0.5) {
      status = 'intake';
    } else if (random() < 0.45) {
      event('direct-answer', 'intake', 'completed', createdAt);
      directAnswered = 1;
      status = age > 3 * DAY_MS || random() < 0.5 ? callback(createdAt + Math.min(age - 1, DAY_MS + random() * DAY_MS)) : 'completed';
    } else {
      status = dispatch(id, createdAt, urgency, event, callback);
    }
    insertTicket.run(id, number, p.caller, status, urgency, type, pick(categoryCodes), channel, title, content, pick(names), `${pick(districts)}某路${Math.floor(random() * 300)}号`, p.callId, p.agentId, status === 'merged' ? id - 1 : null, directAnswered, callbacks, satisfied, ...partSums, createdAt, createdAt);
  }

  // A dispatched ticket: signed for, handled and replied to at a pace that mostly keeps the
  // deadlines; those still open now are what the supervisor's overdue list shows.
  function dispatch(id: number, createdAt: number, urgency: (typeof ticketUrgencies)[number], event: (action: string, from: string, to: string, at: number, unitId?: number | null, detail?: string) => unknown, callback: (at: number) => string) {
    const dispatchedAt = createdAt + 10 * 60_000;
    const unitId = pick(unitIds);
    const recent = now - dispatchedAt < 20 * DAY_MS;
    // The calendar only for the recent ones: history's deadlines need not be exact to the minute.
    const { signForDueAt, dueAt } = recent
      ? dueDates(calendar, dispatchedAt, defaultPolicies[urgency])
      : { signForDueAt: dispatchedAt + 4 * HOUR_MS, dueAt: dispatchedAt + (urgency === 'normal' ? 7 : urgency === 'urgent' ? 3 : 1.5) * DAY_MS };
    event('dispatch', 'intake', 'dispatched', dispatchedAt, unitId);
    if (dispatchedAt > now) {
      insertAssignment.run(id, unitId, 'dispatched', dispatchedAt, signForDueAt, null, dueAt, null, null);
      return 'dispatched';
    }
    const signedForAt = random() < 0.93 ? dispatchedAt + random() * (signForDueAt - dispatchedAt) : signForDueAt + random() * DAY_MS;
    const repliedAt = Math.floor(signedForAt + (random() < 0.92 ? random() : 1 + random() * 0.5) * (dueAt - signedForAt));
    if (signedForAt > now) {
      insertAssignment.run(id, unitId, 'dispatched', dispatchedAt, signForDueAt, null, dueAt, null, null);
      return 'dispatched';
    }
    event('sign-for', 'dispatched', 'handling', signedForAt, unitId);
    if (repliedAt > now) {
      insertAssignment.run(id, unitId, 'handling', dispatchedAt, signForDueAt, Math.floor(signedForAt), dueAt, null, null);
      return 'handling';
    }
    event('reply', 'handling', 'replied', repliedAt, unitId);
    const reply = '已派员现场核实并处理，已与市民沟通。';
    const acceptedAt = repliedAt + 4 * HOUR_MS;
    if (acceptedAt > now) {
      insertAssignment.run(id, unitId, 'replied', dispatchedAt, signForDueAt, Math.floor(signedForAt), dueAt, repliedAt, reply);
      return 'replied';
    }
    insertAssignment.run(id, unitId, 'completed', dispatchedAt, signForDueAt, Math.floor(signedForAt), dueAt, repliedAt, reply);
    event('accept', 'replied', 'completed', acceptedAt, unitId, '{"acceptFlagged":false}');
    const calledBackAt = acceptedAt + DAY_MS * random() * 2;
    return calledBackAt > now ? 'completed' : callback(calledBackAt);
  }

  progress('making the indexes');
  for (const { sql } of indexes) sqlite.exec(sql);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
}

export function counts(path: string): Sizes {
  const sqlite = new Database(path, { readonly: true });
  try {
    const one = (table: string) => (sqlite.prepare(`select coalesce(max(id), 0) as n from ${table}`).get() as { n: number }).n;
    return { tickets: one('tickets'), callEvents: one('call_events') };
  } finally {
    sqlite.close();
  }
}
