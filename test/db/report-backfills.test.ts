import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import t, { type Test } from 'tap';
import { registerFunctions } from '../../src/db/functions.js';

// Migration 0016 fills the columns the tickets report reads with hand-written SQL: run it on a
// database made by the migrations before it, holding what an upgraded hotline holds.
const all = join(import.meta.dirname, '../../src/db/migrations');
const REPORT_COUNTS = '0016_report_counts';

/** A database migrated up to, not including, `tag`; `upgrade()` then runs the rest. */
function migratedBefore(t: Test, tag: string) {
  const before = mkdtempSync(join(tmpdir(), 'migrations-'));
  t.teardown(() => rmSync(before, { recursive: true, force: true }));
  cpSync(all, before, { recursive: true });
  const journalPath = join(before, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 1) throw new Error(`${tag} is not in the journal`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  const sqlite = new Database(':memory:');
  registerFunctions(sqlite);
  t.teardown(() => sqlite.close());
  migrate(drizzle(sqlite), { migrationsFolder: before });
  const ticket = sqlite.prepare("insert into tickets (number, caller, status, title, created_at, updated_at) values (?, '13800000000', ?, 't', 0, 0)");
  return { sqlite, ticket: (number: string, status: string) => Number(ticket.run(number, status).lastInsertRowid), upgrade: () => migrate(drizzle(sqlite), { migrationsFolder: all }) };
}

t.test('the callbacks already recorded are counted onto their tickets', (t) => {
  const { sqlite, ticket, upgrade } = migratedBefore(t, REPORT_COUNTS);
  const event = sqlite.prepare("insert into ticket_events (ticket_id, action, from_status, to_status, detail, at) values (?, ?, 'completed', ?, ?, 0)");
  const twice = ticket('1', 'closed');
  const once = ticket('2', 'reopened');
  const never = ticket('3', 'completed');
  event.run(twice, 'callback', 'reopened', JSON.stringify({ result: 'dissatisfied' }));
  event.run(twice, 'callback', 'closed', JSON.stringify({ result: 'basically-satisfied' }));
  event.run(once, 'callback', 'reopened', JSON.stringify({ result: 'dissatisfied' }));
  event.run(never, 'callback', 'completed', JSON.stringify({}));
  event.run(never, 'accept', 'completed', JSON.stringify({ result: 'satisfied' }));

  upgrade();
  t.same(sqlite.prepare('select number, callbacks, callbacks_satisfied as satisfied from tickets order by number').all(), [
    { number: '1', callbacks: 2, satisfied: 1 },
    { number: '2', callbacks: 1, satisfied: 0 },
    { number: '3', callbacks: 0, satisfied: 0 },
  ]);
  t.end();
});

t.test('each ticket\'s parts are summed onto it; a ticket sent to a unit again has one first part for that unit', (t) => {
  const { sqlite, ticket, upgrade } = migratedBefore(t, REPORT_COUNTS);
  const unit = sqlite.prepare("insert into handling_units (code, name, kind, created_at, updated_at) values (?, ?, 'department', 0, 0)");
  const [a, b] = ['a', 'b'].map((code) => Number(unit.run(code, code).lastInsertRowid));
  const part = sqlite.prepare('insert into ticket_assignments (ticket_id, unit_id, status, dispatched_at, sign_for_due_at, due_at, signed_for_at, replied_at) values (?, ?, ?, 0, 100, 1000, ?, ?)');
  const again = ticket('1', 'dispatched');
  const other = ticket('2', 'dispatched');
  part.run(again, a, 'returned', null, null);
  part.run(again, b, 'handling', 150, null);
  part.run(again, a, 'replied', 90, 1000);
  part.run(other, a, 'replied', 100, 1001);

  upgrade();
  t.same(sqlite.prepare('select ticket_id as ticket, unit_id as unit, first_for_unit as first from ticket_assignments order by id').all(), [
    { ticket: again, unit: a, first: 1 },
    { ticket: again, unit: b, first: 1 },
    { ticket: again, unit: a, first: 0 },
    { ticket: other, unit: a, first: 1 },
  ]);
  const sums = 'parts_signed_for as signed, parts_signed_for_on_time as signedOnTime, parts_replied as replied, parts_replied_on_time as repliedOnTime';
  t.same(sqlite.prepare(`select number, ${sums} from tickets order by number`).all(), [
    { number: '1', signed: 2, signedOnTime: 1, replied: 1, repliedOnTime: 1 },
    { number: '2', signed: 1, signedOnTime: 1, replied: 1, repliedOnTime: 0 },
  ]);
  const plan = sqlite.prepare(`explain query plan select ((created_at + 28800000) / 86400000), channel, type, category, count(*), sum(parts_replied) from tickets
    where ((created_at + 28800000) / 86400000) >= 0 and status <> 'merged' group by 1, 2, 3, 4`).all() as Array<{ detail: string }>;
  t.same(plan.map((p) => p.detail), ['SEARCH tickets USING COVERING INDEX tickets_report (<expr>>?)'], 'the report reads tickets_report alone, in its order, with no sort');
  t.end();
});
