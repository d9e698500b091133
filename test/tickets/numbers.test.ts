import t from 'tap';
import { openDatabase } from '../../src/db/client.js';
import { tickets } from '../../src/db/schema/index.js';
import { TicketsRepository } from '../../src/tickets/repository.js';
import { cst } from '../helpers/tickets.js';

const intake = { caller: '13800001234', type: 'consult', category: 'other', title: '咨询', content: '', citizenName: null, address: null, articleId: null, callId: null, agentId: null, createdBy: null } as const;

/** A database whose 24 November 2026 already holds `count` tickets, numbered 1… in order. */
function dayWith(count: number) {
  const db = openDatabase(':memory:');
  const at = cst('2026-11-24T08:00:00');
  db.transaction((tx) => {
    for (let seq = 1; seq <= count; seq += 1) {
      tx.insert(tickets).values({ number: `20261124${String(seq).padStart(4, '0')}`, caller: '13800000000', status: 'closed', title: '旧工单', createdAt: at, updatedAt: at }).run();
    }
  });
  return { db, repo: new TicketsRepository(db) };
}

t.test('a busy day: after 9 999 numbers the next are 10000, 10001, not a number already given', async (t) => {
  const { db, repo } = dayWith(9_999);
  const now = cst('2026-11-24T21:00:00');
  t.equal(repo.intake(intake, now).number, '2026112410000');
  t.equal(repo.intake(intake, now).number, '2026112410001', '10000 sorts before 9999 as text; the sequence is read as a number');
  t.equal(repo.intake(intake, cst('2026-11-25T08:00:00')).number, '202611250001', 'the next day starts again at 0001');
  db.$client.close();
});

t.test('a quiet day continues its own sequence, whatever the neighbouring days hold', async (t) => {
  const { db, repo } = dayWith(12);
  t.equal(repo.intake(intake, cst('2026-11-24T10:00:00')).number, '202611240013');
  t.equal(repo.intake(intake, cst('2026-11-23T23:59:00')).number, '202611230001', 'the day before has none');
  db.$client.close();
});
