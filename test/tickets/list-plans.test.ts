import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { join } from 'node:path';
import t from 'tap';
import type { Db } from '../../src/db/client.js';
import { registerFunctions } from '../../src/db/functions.js';
import * as schema from '../../src/db/schema/index.js';
import { listTickets, type TicketFilter } from '../../src/tickets/list.js';

// On an empty database every plan is fast; on 10 million tickets a page that sorts the whole
// table takes seconds (bench/scale-list.ts measures it). So the plans are checked here: the page
// and its capped count read tickets through an index, never by sorting or scanning the table.
t.test('the ticket list reads tickets through an index for its page and count', (t) => {
  const sqlite = new Database(':memory:');
  registerFunctions(sqlite);
  const queries: Array<{ sql: string; params: unknown[] }> = [];
  const db = drizzle(sqlite, { schema, logger: { logQuery: (sql, params) => queries.push({ sql, params }) } }) as unknown as Db;
  migrate(db, { migrationsFolder: join(import.meta.dirname, '../../src/db/migrations') });
  t.teardown(() => sqlite.close());

  const page = { limit: 50, offset: 0 };
  const cases: Array<[string, TicketFilter]> = [
    ['no filter', page],
    ['a status', { ...page, statuses: ['handling'] }],
    ['a type and a month', { ...page, type: 'complaint', from: Date.parse('2026-11-01T00:00:00+08:00'), to: Date.parse('2026-12-01T00:00:00+08:00') }],
  ];
  for (const [what, filter] of cases) {
    queries.length = 0;
    listTickets(db, filter, 10_000);
    const plans = queries.map((q) => (sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.params as unknown[])) as Array<{ detail: string }>).map((p) => p.detail));
    const details = plans.flat();
    t.notOk(
      details.some((d) => /^SCAN tickets$/.test(d) || /TEMP B-TREE FOR ORDER BY/.test(d)),
      `${what}: no scan of the tickets table and no sort of it (${details.join('; ')})`,
    );
  }

  // A rare piece of a title or number is looked up in the trigram index, then its few tickets sorted.
  for (const q of ['退费纠纷', '3333']) {
    queries.length = 0;
    listTickets(db, { ...page, q }, 10_000);
    const details = queries.flatMap((q) => (sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.params as unknown[])) as Array<{ detail: string }>).map((p) => p.detail));
    t.ok(details.some((d) => d.includes('tickets_search VIRTUAL TABLE')), `${q}: looked up in tickets_search (${details.join('; ')})`);
    t.notOk(details.some((d) => /^SCAN tickets( USING INDEX tickets_created)?$/.test(d)), `${q}: no walk through the tickets`);
  }
  t.end();
});
