// The ticket list (GET /api/tickets) on the scale bench's data: page 1 with each filter the
// 工单管理 page and the units' inbox offer, as a supervisor and as unit users.
import type { FastifyInstance } from 'fastify';
import type { Database } from 'better-sqlite3';

const CITY_CODES = ['bench-city-1', 'bench-city-2'];

/**
 * The generated units are 200 flat departments; a city over each half of them gives the list a
 * real subtree to filter on. Made once, in the bench's own database, and reused.
 */
function ensureCities(sqlite: Database, now: number): number[] {
  const ids = sqlite.prepare('select id from handling_units where code = ?').pluck();
  if (ids.get(CITY_CODES[0]) === undefined) {
    const departments = sqlite.prepare("select id from handling_units where kind = 'department' and parent_id is null order by id").pluck().all() as number[];
    const insert = sqlite.prepare("insert into handling_units (code, name, kind, active, created_at, updated_at) values (?, ?, 'city', 1, ?, ?)");
    const adopt = sqlite.prepare('update handling_units set parent_id = ? where id = ?');
    sqlite.transaction(() => {
      CITY_CODES.forEach((code, i) => {
        const city = Number(insert.run(code, `${['银川', '石嘴山'][i]}市`, now, now).lastInsertRowid);
        for (const d of departments.slice((i * departments.length) / 2, ((i + 1) * departments.length) / 2)) adopt.run(city, d);
      });
    })();
  }
  return CITY_CODES.map((code) => ids.get(code) as number);
}

async function loginAs(app: FastifyInstance, username: string, role: 'supervisor' | 'unit', unitId?: number): Promise<string> {
  const password = 'bench-password';
  if (!app.usersRepository.findByUsername(username)) await app.usersRepository.create({ username, password, role, unitId });
  return (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })).json().token as string;
}

type Timings = (samples: number[]) => Record<string, number>;

/** Each case is run a few times; the first run reads the pages from disk, so p99/max show a cold start. */
export async function listBench(app: FastifyInstance, now: number, timings: Timings, runs = 5, match = ''): Promise<Array<Record<string, unknown>>> {
  const sqlite = app.db.$client;
  const [city] = ensureCities(sqlite, now);
  const department = sqlite.prepare('select id from handling_units where parent_id = ? order by id limit 1').pluck().get(city) as number;
  const caller = sqlite.prepare('select caller from tickets where id = (select max(id) / 2 from tickets)').pluck().get() as string;
  const tokens = {
    supervisor: await loginAs(app, 'bench-list-supervisor', 'supervisor'),
    'city user': await loginAs(app, 'bench-list-city', 'unit', city),
    'department user': await loginAs(app, 'bench-list-department', 'unit', department),
  };
  const month = 'from=2026-11-01T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00';
  const cases: Array<[keyof typeof tokens, string, string]> = [
    ['supervisor', 'page 1, no filter', ''],
    ['supervisor', 'status=handling', 'status=handling'],
    ['supervisor', 'status=closed', 'status=closed'],
    ['supervisor', '待派单 tab (3 statuses)', 'status=intake,returned,reopened'],
    ['supervisor', 'a department', `unit=${department}`],
    ['supervisor', 'a whole city', `unit=${city}`],
    ['supervisor', 'a city, part=handling', `unit=${city}&part=handling`],
    ['supervisor', 'caller digits (7)', `q=${caller.slice(3, 10)}`],
    ['supervisor', 'caller digits (3)', `q=${caller.slice(7, 10)}`],
    ['supervisor', 'title words', `q=${encodeURIComponent('噪音')}`],
    ['supervisor', 'title words, no match', `q=${encodeURIComponent('没有这个')}`],
    ['supervisor', 'type + a month', `type=complaint&${month}`],
    ['supervisor', 'deadline=overdue', 'deadline=overdue'],
    ['city user', 'page 1', ''],
    ['city user', 'part=handling', 'part=handling'],
    ['city user', 'deadline=overdue', 'deadline=overdue'],
    ['department user', 'page 1', ''],
    ['department user', 'part=handling', 'part=handling'],
    ['department user', 'title words', `q=${encodeURIComponent('噪音')}`],
  ];
  const rows: Array<Record<string, unknown>> = [];
  for (const [who, what, query] of cases.filter(([who, what]) => `${who}: ${what}`.includes(match))) {
    const samples: number[] = [];
    let body: { total: number; totalCapped?: boolean; items: unknown[] } | undefined;
    for (let i = 0; i < runs; i += 1) {
      const began = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/tickets?${query}`, headers: { authorization: `Bearer ${tokens[who]}` } });
      samples.push(performance.now() - began);
      if (res.statusCode !== 200) throw new Error(`${query}: ${res.statusCode} ${res.body}`);
      body = res.json();
    }
    rows.push({ what: `ticket list, ${who}: ${what}`, ...timings(samples), total: `${body!.total}${body!.totalCapped ? '+' : ''}`, rows: body!.items.length });
    console.log(JSON.stringify(rows.at(-1)));
  }
  return rows;
}
